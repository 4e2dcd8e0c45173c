/**
 * The playground's logic, free of React and of the browser: the staged plan and its replay on a fresh
 * deployment, undo and reset, loading a shared link (plans/url.ts), what each control would do and why the
 * model would refuse it, and the plan exported as Gherkin in the project's own step sentences (plans/gherkin.ts).
 * The page only renders what these functions return.
 */
import type { Action, ControlFields, ControlGroup, ControlOf, Plan } from '../../../model/actions';
import { DEFINITIONS, describeAction } from '../../../model/actions';
import { parseDuration, formatDuration } from '../../../model/clock';
import { Deployment } from '../../../model/deployment';
import { DEFAULT_CUSTOMER } from '../../../model/state';
import type { DeploymentView } from '../../../model/views';
import { feature, quote, scenario, sentence } from '../../../plans/gherkin';
import { PlanRunner, PlanStepRejected } from '../../../plans/interpreter';
import { planFromSearch, planLinkProblem, planToSearch } from '../../../plans/url';
import { ADDRESS, parseAction, PlanError, USER_NAME } from '../../../plans/validate';

/** The staged steps and the deployment they lead to. */
export interface Staged {
  readonly plan: Plan;
  readonly deployment: Deployment;
}

/** A step of a plan the model refused, given the steps before it. */
export interface Refusal {
  readonly index: number;
  readonly action: Action;
  readonly reason: string;
}

/** Runs `plan` on a fresh deployment as far as the model accepts it. */
export function replay(plan: Plan): Staged & { readonly refused: Refusal | null } {
  const runner = new PlanRunner(new Deployment());
  for (const action of plan) {
    try {
      runner.step(action);
    } catch (error) {
      if (!(error instanceof PlanStepRejected)) throw error;
      return {
        plan: [...runner.plan],
        deployment: runner.deployment,
        refused: { index: error.index, action, reason: error.rejection.reason },
      };
    }
  }
  return { plan: [...runner.plan], deployment: runner.deployment, refused: null };
}

export const EMPTY: Staged = { plan: [], deployment: new Deployment() };

/** One more step, on a copy: the staged session before it stays valid for undo. Throws if the model refuses. */
export function stage(staged: Staged, action: Action): Staged {
  const runner = new PlanRunner(staged.deployment, null, staged.plan).fork();
  try {
    runner.step(action);
  } catch (error) {
    throw error instanceof PlanStepRejected ? error.rejection : error;
  }
  return { plan: runner.plan, deployment: runner.deployment };
}

/** The session without its last step (replayed, since the model only moves forward). */
export function undo(staged: Staged): Staged {
  if (staged.plan.length === 0) return staged;
  const { plan, deployment } = replay(staged.plan.slice(0, -1));
  return { plan, deployment };
}

export function reset(): Staged {
  return { plan: [], deployment: new Deployment() };
}

/** What a shared link held: the steps that could be read and run, and a sentence for each problem. */
export interface LoadedLink extends Staged {
  readonly problems: readonly string[];
}

/**
 * Reads a playground link's query string. Steps that cannot be read are skipped (plans/url.ts says which); the
 * plan stops at the first step the model refuses, since every later step assumed it had happened.
 */
export function loadLink(search: string): LoadedLink {
  const read = planFromSearch(search);
  const problems = [...read.problems];
  const { plan, deployment, refused } = replay(read.plan);
  if (refused) {
    const dropped = read.plan.length - refused.index - 1;
    problems.push(
      `Step ${refused.index + 1} of the steps read ("${describeAction(refused.action)}") was refused by the model: ` +
        `${refused.reason}. The playground stopped there` +
        (dropped > 0
          ? `; ${dropped === 1 ? 'the step after it was' : `the ${dropped} steps after it were`} not loaded.`
          : '.'),
    );
  }
  return { plan, deployment, problems };
}

/** The query string that shares `staged` (empty for an empty plan). */
export function linkSearch(staged: Staged): string {
  return planToSearch(staged.plan);
}

// ---------------------------------------------------------------- controls

/**
 * What the reader has typed or chosen in the controls' fields: the action table's `ControlFields`, with the time
 * fields as typed (an amount and its unit, a clock time) instead of the seconds they make.
 */
export interface ControlInputs extends Omit<ControlFields, 'seconds' | 'secondsUntil'> {
  readonly amount: string;
  readonly unit: 'seconds' | 'minutes';
  readonly clockTo: string;
}

export const DEFAULT_INPUTS: ControlInputs = {
  customer: DEFAULT_CUSTOMER.address,
  customerQuestion: '',
  customerText: '',
  agentName: 'JDoe',
  agentText: '',
  chatWith: '',
  tab: 'Case',
  amount: '1',
  unit: 'minutes',
  clockTo: '',
  emailSubject: 'test2',
  emailFrom: 'testcust@dslab.cisco.com',
};

export type { ControlGroup };

export interface Control {
  /** Stable, for element ids and tests. */
  readonly id: string;
  readonly group: ControlGroup;
  readonly label: string;
  /** The step this control would stage, or null when the fields do not make one. */
  readonly action: Action | null;
  /** Why the control is disabled: the model's rejection, or what is wrong with the fields; null if enabled. */
  readonly reason: string | null;
}

function control({ id, group, label, made }: ControlOf<Action>, deployment: Deployment, plan: Plan): Control {
  const bad = typeof made === 'string' ? made : fieldProblem(made);
  if (bad !== null || typeof made === 'string') return { id, group, label, action: null, reason: bad };
  // The fields typed become a step only as plans/validate.ts accepts it (the model's own refusal, where it has one,
  // says it in the domain's words), and only while the plan still fits in a link.
  const outside = planProblem(made, plan);
  if (outside) return { id, group, label, action: null, reason: modelReason(deployment, made) ?? outside };
  return { id, group, label, action: made, reason: deployment.rejection(made) };
}

/** What is wrong with an address or a user name typed into a field, in the playground's words, or null. */
function fieldProblem(action: Action): string | null {
  if ('customer' in action && action.customer !== undefined) {
    const bad = checkAddress(action.customer, "the customer's address");
    if (bad) return bad;
  }
  if ('from' in action) {
    const bad = checkAddress(action.from, "the sender's address");
    if (bad) return bad;
  }
  if ('agent' in action && action.agent !== undefined && !USER_NAME.test(action.agent)) {
    return `"${action.agent}" is not a user name such as JDoe`;
  }
  return null;
}

function planProblem(action: Action, plan: Plan): string | null {
  try {
    parseAction(action, 'this step');
  } catch (error) {
    if (error instanceof PlanError) return error.problem;
    throw error;
  }
  return planLinkProblem([...plan, action]);
}

function modelReason(deployment: Deployment, action: Action): string | null {
  try {
    return deployment.rejection(action);
  } catch {
    return null;
  }
}

function checkAddress(address: string, what: string): string | null {
  const trimmed = address.trim();
  if (trimmed === '') return null;
  return ADDRESS.test(trimmed) ? null : `${what} "${trimmed}" is not an email address such as customer@awesome.com`;
}

/** Seconds to let pass, from the amount and unit fields. */
export function amountInSeconds(amount: string, unit: 'seconds' | 'minutes'): number | string {
  const text = amount.trim();
  if (!/^\d+$/.test(text) || Number(text) === 0)
    return `the amount of time must be a whole number above 0, not "${text}"`;
  return Number(text) * (unit === 'minutes' ? 60 : 1);
}

/** Seconds from now until the scenario clock reads `clockTo` (hh:mm:ss). */
export function secondsUntil(deployment: Deployment, clockTo: string): number | string {
  const text = clockTo.trim();
  if (text === '') return 'type the time to move the clock to, such as 00:03:00';
  let target: number;
  try {
    target = parseDuration(text);
  } catch {
    return `"${text}" is not a time of the form hh:mm:ss (for example 00:03:00)`;
  }
  if (target <= deployment.clock) {
    return `the clock already reads ${formatDuration(deployment.clock)}; time only moves forward`;
  }
  return target - deployment.clock;
}

/**
 * Every control of the playground, with the step it would stage and, when disabled, why: the controls each action
 * module gives (model/actions), in the table's order, a group's buttons by their rank where one takes another's
 * place (the X server's Fail and Restore).
 */
export function controls(deployment: Deployment, inputs: ControlInputs, plan: Plan = []): Control[] {
  const fields: ControlFields = {
    ...inputs,
    seconds: amountInSeconds(inputs.amount, inputs.unit),
    secondsUntil: secondsUntil(deployment, inputs.clockTo),
  };
  const state = deployment.inspect();
  const made = DEFINITIONS.flatMap((definition) => definition.controls(state, fields));
  const groups = [...new Set(made.map((c) => c.group))];
  const key = (c: ControlOf<Action>, index: number) => [groups.indexOf(c.group), c.rank ?? index, index] as const;
  return made
    .map((c, index) => ({ c, key: key(c, index) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
    .map(({ c }) => control(c, deployment, plan));
}

// ---------------------------------------------------------------- Gherkin

/** A data-table cell: Gherkin escapes `\`, `|` and line breaks. */
function cell(value: string | number): string {
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '\\n');
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => `      | ${row.map(cell).join(' | ')} |`).join('\n');
}

/** Doc-string lines are compared trimmed and without blank lines; lines that would not survive that are left out. */
function docStringSafe(lines: readonly string[]): boolean {
  return lines.every((line) => line === line.trim() && line !== '' && !line.includes('"""') && !line.includes('```'));
}

/** What the end state shows, as Then sentences the project's step definitions check. */
export function outcomes(view: DeploymentView): string[] {
  const then: string[] = [];
  const first = view.customers[0];
  if (first && first.lines.length > 0 && docStringSafe(first.lines)) {
    then.push(`the customer's window reads:\n      """\n${first.lines.map((l) => `      ${l}`).join('\n')}\n      """`);
  }
  const { chatList, popups, titleBar, emailReplies } = view.console;
  then.push(
    chatList.length === 0
      ? 'the chat list is empty'
      : `the chat list shows:\n${table(
          ['Key', 'Activity ID', 'Customer name', 'Activity duration', 'Chat status', 'Icon', 'Queue name'],
          chatList.map((r) => [
            r.key,
            r.activityId,
            r.customerName,
            r.activityDuration,
            r.chatStatus,
            r.icon,
            r.queueName,
          ]),
        )}`,
  );
  if (popups.length === 0) then.push('the agent sees no pop-up');
  for (const popup of new Set(popups)) then.push(`the agent sees the pop-up ${quote(popup)}`);
  then.push(
    titleBar === null ? "the browser's title bar does not flash" : `the browser's title bar flashes ${quote(titleBar)}`,
  );
  for (const reply of emailReplies)
    then.push(`the reply to ${quote(reply.originalMessage.subject)} has its buttons ${reply.buttons}`);
  const rows = view.database.openChats;
  const columns = ['contact_point_data', 'activity_id', 'activity_status', 'activity_sub_status', 'user_name'] as const;
  then.push(
    rows.length === 0
      ? 'the open-chats query returns no rows'
      : `the open-chats query returns:\n${table(
          columns,
          rows.map((row) => columns.map((c) => String(row[c]))),
        )}`,
  );
  return then;
}

/**
 * Why the staged plan cannot be exported as Gherkin, or null. A few texts have no Gherkin string that cucumber's
 * `{string}` reads back exactly (a backslash just before a quote, or at the end); plans/gherkin.ts refuses them.
 */
export function gherkinCaveat(plan: Plan): string | null {
  for (const [index, action] of plan.entries()) {
    try {
      sentence(action);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return `Step ${index + 1}: ${error.message}. Change that text to export the outage as a scenario.`;
    }
  }
  return null;
}

export const EXPORT_FEATURE_NAME = 'Staged in the failure playground';

/** The staged plan as a feature file: its steps, then what the end state shows. Null if there is none to give. */
export function exportGherkin(staged: Staged): string | null {
  if (staged.plan.length === 0 || gherkinCaveat(staged.plan) !== null) return null;
  const text = scenario(staged.plan, {
    name: `A staged outage of ${staged.plan.length} step${staged.plan.length === 1 ? '' : 's'}`,
    then: outcomes(staged.deployment.view()),
  });
  return feature(
    EXPORT_FEATURE_NAME,
    "Exported from the docs site's playground; the project's step definitions run it unchanged.\n" +
      'It starts from a deployment with every server up, no agent logged in and no chat.',
    [text],
  );
}
