/**
 * Witnesses: a law whose premise never holds, or an invariant whose case never comes up, within the bounds npm test
 * explores holds there only vacuously, and says nothing. TLC's `_POSSIBLE` properties and Quint's `--witnesses`
 * fail a run when something that should be reachable never is; so does this. Counts are kept by property id: a
 * law's count is the transitions its premise held in (the state space), an invariant's the steps its `witness`
 * case came up in (every phase). A claim the laws check is witnessed when one of its laws is.
 */
import { INVARIANT_MODULES, type InvariantModule } from './invariants';
import { LAWS, type Law } from './laws';

/** How often each law's premise and each invariant's case came up, by property id. */
export type WitnessCounts = Record<string, number>;

/** Adds `from`'s counts into `into`. */
export function addWitnesses(into: WitnessCounts, from: Readonly<WitnessCounts>): WitnessCounts {
  for (const [id, n] of Object.entries(from)) into[id] = (into[id] ?? 0) + n;
  return into;
}

/** One line for each law, invariant and claim of the laws that `counts` never saw come up; none: all witnessed. */
export function unwitnessed(
  counts: Readonly<WitnessCounts>,
  laws: readonly Law[] = LAWS,
  invariants: readonly InvariantModule[] = INVARIANT_MODULES,
): string[] {
  const seen = (id: string) => (counts[id] ?? 0) > 0;
  const lines: string[] = [];
  for (const law of laws) {
    if (!seen(law.id)) lines.push(`law "${law.name}" (${law.id}): its premise never held (${law.premise})`);
  }
  for (const invariant of invariants) {
    if (!seen(invariant.id)) lines.push(`invariant "${invariant.name}": its case never came up (${invariant.witness})`);
  }
  const claims = [...new Set(laws.flatMap((law) => law.claims))].sort();
  for (const claim of claims) {
    if (!laws.some((law) => law.claims.includes(claim) && seen(law.id))) {
      lines.push(`claim ${claim}: none of the laws that check it saw their premise hold`);
    }
  }
  return lines;
}
