/**
 * A rule of the deployment: what follows from the state after every action and every deadline (`settle`), and
 * the moments at which something will happen to a window or a console if nothing changes first (its
 * deadlines). The runtime applies the rules in the order of `RULES` (./index.ts).
 *
 * A rule settles what `changes` names (the sessions, windows and consoles the step touched, or everything),
 * and touches what it changes in turn (model/changes.ts), so the rules after it see it. What a rule leaves
 * settled stays so until something it reads changes: settling it again would change nothing. A deadline
 * depends only on its own window or console.
 */
import type { AgentConsole } from '../agent-console';
import type { Changes } from '../changes';
import type { Seconds } from '../clock';
import type { CustomerWindow } from '../customer-window';
import type { Runtime } from '../runtime';

export interface Deadline {
  readonly at: Seconds;
  readonly fire: () => void;
}

export interface Rule {
  /** In the domain's words, for tests that take one rule out (a deliberately broken model). */
  readonly name: string;
  settle?(rt: Runtime, changes: Changes): void;
  windowDeadlines?(rt: Runtime, window: CustomerWindow, found: Deadline[]): void;
  consoleDeadlines?(rt: Runtime, console: AgentConsole, found: Deadline[]): void;
}

type WindowDeadlines = NonNullable<Rule['windowDeadlines']>;
type ConsoleDeadlines = NonNullable<Rule['consoleDeadlines']>;

/**
 * A list of rules as the runtime calls them, worked out once per list: the settle functions in order, and the
 * rules with deadlines of each kind by their place in the list (the order deadlines due together fire in).
 */
export interface RuleTable {
  readonly settlers: readonly NonNullable<Rule['settle']>[];
  readonly windowDeadlines: readonly { readonly rule: number; readonly deadlines: WindowDeadlines }[];
  readonly consoleDeadlines: readonly { readonly rule: number; readonly deadlines: ConsoleDeadlines }[];
}

const TABLES = new WeakMap<readonly Rule[], RuleTable>();

export function tableOf(rules: readonly Rule[]): RuleTable {
  let table = TABLES.get(rules);
  if (!table) {
    const windowDeadlines: { rule: number; deadlines: WindowDeadlines }[] = [];
    const consoleDeadlines: { rule: number; deadlines: ConsoleDeadlines }[] = [];
    rules.forEach((rule, i) => {
      if (rule.windowDeadlines) windowDeadlines.push({ rule: i, deadlines: rule.windowDeadlines });
      if (rule.consoleDeadlines) consoleDeadlines.push({ rule: i, deadlines: rule.consoleDeadlines });
    });
    const settlers = rules.flatMap((rule) => (rule.settle ? [rule.settle] : []));
    table = { settlers, windowDeadlines, consoleDeadlines };
    TABLES.set(rules, table);
  }
  return table;
}
