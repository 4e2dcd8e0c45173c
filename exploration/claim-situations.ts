/**
 * Witnesses for the claims that scenarios check. A law's premise must hold somewhere within the bounds npm test
 * explores (./witnesses.ts); so must each claim the register checks: the state in which a scenario's line checks a
 * claim must be one the exploration reaches, or its invariants and laws say nothing about the state the claim
 * speaks of. States are compared by their situation: which servers are down, and everything people see there
 * (diagnosis/observations.ts, read off the model's views: the customer's notices, the chat list's status and icon,
 * the title bar, pop-ups, greyed-out buttons, information tabs, a chat not routed, the open-chats query), with no
 * names, typed texts or times, which the explorer's cast and clock choose differently from a scenario.
 *
 * Every phase of npm test's exploration notes the situation of every state it visits (`SituationLog`, through
 * the invariant checker). A line that checks a claim (features/claims-register.ts: its evidence is the source,
 * that claim) is witnessed when some visited situation has the same servers down and shows everything the
 * line's state shows; steps/support/claim_witnesses.ts fails the line, naming the claim, when none does.
 */
import type { Deployment } from '../model/deployment';
import { observationsOf } from '../diagnosis/observations';

/** A state's situation as one line: `down: <servers, sorted>`, then each observation's id, sorted, joined by ` | `. */
export type Situation = string;

/** The situations an exploration visited, each once. */
export type SituationLog = Set<Situation>;

const SEPARATOR = ' | ';

export function situationOf(deployment: Deployment): Situation {
  const { servers } = deployment.inspect();
  const down = Object.entries(servers)
    .filter(([, up]) => !up)
    .map(([server]) => server)
    .sort();
  const seen = observationsOf(deployment.view())
    .map((o) => o.id)
    .sort();
  return [`down: ${down.join(', ') || 'none'}`, ...seen].join(SEPARATOR);
}

/**
 * The visited situations, grouped by the servers down, each as the set of what it shows. A group's sets are made
 * when a line first asks about those servers down: a run asks about a few of the thousands of situations.
 */
export class VisitedSituations {
  private readonly byDown = new Map<string, Situation[]>();
  private readonly shownByDown = new Map<string, readonly ReadonlySet<string>[]>();
  /** Each situation asked about, answered once: a scenario asks about the same situation line after line. */
  private readonly answers = new Map<Situation, boolean>();

  constructor(situations: Iterable<Situation>) {
    for (const situation of situations) {
      const down = situation.split(SEPARATOR, 1)[0]!;
      let list = this.byDown.get(down);
      if (!list) this.byDown.set(down, (list = []));
      list.push(situation);
    }
  }

  /** Whether some visited situation has `target`'s servers down and shows everything `target` shows. */
  reaches(target: Situation): boolean {
    let answer = this.answers.get(target);
    if (answer === undefined) {
      const [down, ...seen] = target.split(SEPARATOR);
      answer = this.shownWith(down!).some((shown) => seen.every((o) => shown.has(o)));
      this.answers.set(target, answer);
    }
    return answer;
  }

  private shownWith(down: string): readonly ReadonlySet<string>[] {
    let shown = this.shownByDown.get(down);
    if (!shown) {
      shown = (this.byDown.get(down) ?? []).map((situation) => new Set(situation.split(SEPARATOR).slice(1)));
      this.shownByDown.set(down, shown);
    }
    return shown;
  }
}

/**
 * One line for each claim `claims` that the line's situation `target` leaves unwitnessed (none: witnessed), each
 * naming the claim, the line and the situation no explored state reached.
 */
export function unwitnessedClaims(
  claims: readonly string[],
  line: string,
  target: Situation,
  visited: VisitedSituations,
): string[] {
  if (claims.length === 0 || visited.reaches(target)) return [];
  return claims.map(
    (claim) =>
      `claim ${claim}: "${line}" runs in a situation that no state explored within the bounds npm test explores reaches (${target})`,
  );
}
