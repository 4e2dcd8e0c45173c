/**
 * The rules, in the order the runtime settles them after every action and deadline. Each is a module of its
 * own; the order matters where one rule's outcome is another's input (a lost session is lost before windows
 * learn of it; routing puts a chat on a console before its transcript is delivered there).
 */
import { delivery } from './delivery';
import { emailRetrieval } from './email-retrieval';
import { messagingOutage } from './messaging-outage';
import { presence } from './presence';
import { reachability } from './reachability';
import type { Rule } from './rule';
import { routing } from './routing';
import { sessionEndings } from './session-endings';
import { sessionLoss } from './session-loss';
import { tabTimeouts } from './tab-timeouts';

export const RULES: readonly Rule[] = [
  sessionLoss,
  reachability,
  messagingOutage,
  sessionEndings,
  emailRetrieval,
  routing,
  delivery,
  presence,
  tabTimeouts,
];

export type { Deadline, Rule } from './rule';
