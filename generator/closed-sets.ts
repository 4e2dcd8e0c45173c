/**
 * The closed sets of values the pages show that the model's types name but have no list of at runtime: server
 * states, tab states, login states, reply buttons, who acts in a trace and which screen shows a line. The readers
 * (attachment-shapes.ts) refuse anything else with the file, line and field; the writers (end-state.ts,
 * sequence-diagram.ts) make class names and diagram lanes only from them. Pure, so the playground can use it.
 */
import type { LoginState, TabState } from '../model/agent-console';

export const SERVER_STATES = ['up', 'down'] as const;
export const TAB_STATES = ['loaded', 'loading', 'timed out'] as const satisfies readonly TabState['state'][];
export const LOGIN_STATES = ['logged in', 'logged out', 'session lost'] as const satisfies readonly LoginState[];
export const REPLY_BUTTONS = ['enabled', 'greyed out'] as const;
export const ACTORS = ['Customer', 'Agent', 'Operator', 'Clock'] as const;
export const SCREENS = ['Customer', 'AgentConsole'] as const;
