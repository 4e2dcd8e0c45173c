/**
 * Preloaded (`node --require`) into a child `npm run fuzz` or `npm run explore` that a test wants to find a
 * counterexample: it takes out of that process's rule table the rule by which a customer's window learns that
 * its session has ended (the defect exploration-broken-model.ts builds), as if a change had broken the model.
 * The model's source is never touched, and only the child process sees the change.
 */
import { RULES } from '../../model/rules';
import { sessionEndings } from '../../model/rules/session-endings';

const rules = RULES as unknown as unknown[];
const at = rules.indexOf(sessionEndings);
if (at < 0) throw new Error('seeded-defect: the session endings rule is no longer in the rule table');
rules.splice(at, 1);
