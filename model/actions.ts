/**
 * The plan vocabulary: everything a person (or a fault) can do to the deployment. Cucumber steps, the
 * failure-ordering explorer and the fuzzer all speak it, so any plan can be printed as Gherkin and run.
 */
import { formatDuration } from './clock';
import type { InformationTab } from './agent-console';
import type { Server } from './servers';

export type Action =
  | { readonly type: 'fail'; readonly server: Server }
  | { readonly type: 'restore'; readonly server: Server }
  | { readonly type: 'wait'; readonly seconds: number }
  | {
      readonly type: 'customer-starts-chat';
      readonly customer?: string;
      readonly name?: string;
      readonly question: string;
      readonly activityId?: number;
    }
  | { readonly type: 'customer-sends'; readonly customer?: string; readonly text: string }
  | { readonly type: 'agent-logs-in'; readonly agent?: string }
  | { readonly type: 'agent-logs-out' }
  | { readonly type: 'agent-sends'; readonly text: string; readonly customer?: string }
  | { readonly type: 'agent-completes-chat'; readonly customer?: string }
  | { readonly type: 'agent-opens-tab'; readonly tab: InformationTab }
  | {
      readonly type: 'email-arrives';
      readonly from: string;
      readonly to: string;
      readonly subject: string;
      readonly sent: string;
      readonly caseId?: number;
    };

export type ActionType = Action['type'];
export type Plan = readonly Action[];

export function actorOf(action: Action): 'Customer' | 'Agent' | 'Operator' | 'Clock' {
  switch (action.type) {
    case 'fail':
    case 'restore':
    case 'email-arrives':
      return 'Operator';
    case 'wait':
      return 'Clock';
    case 'customer-starts-chat':
    case 'customer-sends':
      return 'Customer';
    default:
      return 'Agent';
  }
}

/** One line in the domain's words, for traces and counterexamples. */
export function describeAction(action: Action): string {
  switch (action.type) {
    case 'fail':
      return `the ${action.server} server fails`;
    case 'restore':
      return `the ${action.server} server is restored`;
    case 'wait':
      return `${formatDuration(action.seconds)} passes`;
    case 'customer-starts-chat':
      return `${action.customer ?? 'the customer'} starts a chat: "${action.question}"`;
    case 'customer-sends':
      return `${action.customer ?? 'the customer'} sends "${action.text}"`;
    case 'agent-logs-in':
      return `${action.agent ?? 'the agent'} logs in`;
    case 'agent-logs-out':
      return 'the agent logs out';
    case 'agent-sends':
      return `the agent sends "${action.text}"`;
    case 'agent-completes-chat':
      return 'the agent completes the chat';
    case 'agent-opens-tab':
      return `the agent opens the ${action.tab} tab`;
    case 'email-arrives':
      return `an email "${action.subject}" arrives from ${action.from}`;
  }
}
