/**
 * The invariants every plan must keep, each with a name and a sentence saying why it matters, and the error
 * that names the one a step broke. The invariant checker (./invariants.ts) checks them; the pages list them.
 */
import { describeAction, type Plan } from '../model/actions';

export interface Invariant {
  readonly id: InvariantId;
  readonly name: string;
  readonly explanation: string;
  /** The one behaviour the invariant allows because the source documents it as a defect. */
  readonly expectedException?: { readonly name: string; readonly explanation: string };
}

export type InvariantId =
  | 'noSilentLoss'
  | 'nothingDeliveredWhilePathDown'
  | 'completedStaysCompleted'
  | 'workOnlyWhenAble'
  | 'customerNeverUninformed'
  | 'determinism';

export const INVARIANTS: Readonly<Record<InvariantId, Invariant>> = {
  noSilentLoss: {
    id: 'noSilentLoss',
    name: 'No silent loss',
    explanation:
      'Every chat message either appears exactly once, in order, on the other side, or its sender is told it may not have been delivered, or its session is lost (and the customer is told so).',
  },
  nothingDeliveredWhilePathDown: {
    id: 'nothingDeliveredWhilePathDown',
    name: 'Nothing is delivered while its path is down',
    explanation:
      'No chat message reaches either screen while the Application or the Messaging server, which every message passes through, is down.',
  },
  completedStaysCompleted: {
    id: 'completedStaysCompleted',
    name: 'A completed activity stays completed',
    explanation:
      'Every activity carries a documented status pair, and one that reached 9000/9100 never returns to in progress or any other status.',
  },
  workOnlyWhenAble: {
    id: 'workOnlyWhenAble',
    name: 'The agent gets work only when able, and gets it once everything is back',
    explanation:
      'No activity is assigned while the console cannot handle it or the agent is in a chat, and once every server is up and the agent has logged in again, waiting work is routed to an agent who is not in a live chat.',
    expectedException: {
      name: 'A chat lost with the Application server blocks the agent (@known-defect)',
      explanation:
        'The database keeps a chat lost with the Application server at 5000/5900, so the agent, told the session is still active, receives no new work until completing it (source: Application Server Restored).',
    },
  },
  customerNeverUninformed: {
    id: 'customerNeverUninformed',
    name: 'The customer is never left uninformed',
    explanation:
      "Once a chat session is lost, the customer's window says so (session lost, or connection issues) within the model's customerConnectionIssuesAfter threshold.",
  },
  determinism: {
    id: 'determinism',
    name: 'The same plan gives the same trace',
    explanation: 'Replaying a plan on a fresh deployment yields a trace identical byte for byte, step by step.',
  },
};

export const INVARIANT_LIST: readonly Invariant[] = Object.values(INVARIANTS);

/** What a violation names: one of these invariants, or a claim of the source checked as a law (exploration/laws/). */
export interface CheckedProperty {
  readonly id: string;
  readonly name: string;
  readonly explanation: string;
}

/** A property broken at one step of a plan; `plan` holds the steps up to and including the breaking one. */
export class InvariantViolation extends Error {
  constructor(
    readonly invariant: CheckedProperty,
    readonly detail: string,
    readonly index: number,
    readonly plan: Plan,
  ) {
    super(`Invariant "${invariant.name}" broken at step ${index + 1} (${describeAction(plan[index]!)}): ${detail}`);
    this.name = 'InvariantViolation';
  }
}
