/**
 * What `npm run explore` reads from the environment, checked before anything runs: EXPLORE_BOUNDS (a name of
 * exploration/state-space/bounds.ts's own, never an inherited one such as "constructor"), EXPLORE_SHARD ("i/n")
 * and EXPLORE_REPORT (a file that can be written). Each wrong value is one `ExploreInputError` line naming it.
 */
import { NAMED_BOUNDS } from '../exploration/state-space/bounds';
import type { Shard } from '../exploration/state-space/search';
import { parseShard } from '../exploration/state-space/shard-report';
import { shown } from '../exploration/shown';
import { writableReport } from './fuzz-inputs';

/** A wrong argument, variable or report: printed as one line, exit status 2. */
export class ExploreInputError extends Error {}

export interface ExploreInputs {
  readonly name: string;
  readonly shard: Shard | undefined;
  readonly report: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

export function exploreInputs(env: Env): ExploreInputs {
  const name = env.EXPLORE_BOUNDS || 'default';
  if (!Object.hasOwn(NAMED_BOUNDS, name)) {
    throw new ExploreInputError(
      `EXPLORE_BOUNDS="${shown(name)}" is not one of ${Object.keys(NAMED_BOUNDS).join(', ')} (exploration/state-space/bounds.ts)`,
    );
  }
  try {
    return {
      name,
      shard: env.EXPLORE_SHARD ? parseShard(env.EXPLORE_SHARD, 'EXPLORE_SHARD') : undefined,
      report: env.EXPLORE_REPORT ? writableReport(env.EXPLORE_REPORT, 'EXPLORE_REPORT') : null,
    };
  } catch (error) {
    // parseShard's plain Error and writableReport's FuzzInputError, both one line naming the variable
    throw new ExploreInputError((error as Error).message);
  }
}
