/**
 * An agent sends the reply to an email in the inbox (the reply's Send button): the email activity is completed.
 * Refused, with the reason, while the console cannot handle activities: the source's "Agent will not be able to
 * handle other activities", checked by what happens when the agent tries.
 */
import { touchConsole } from '../changes';
import { STATUS } from '../database';
import { consoleApplication, setActivityStatus, showAgent, travel } from '../effects';
import { cannotHandleActivities, consoleFor, inboxEmail } from './console';
import { agentWord, agentsOf, define, optional, text } from './definition';
import { SOURCE_EMAIL } from './email-arrives';

export interface AgentSendsEmailReply {
  readonly type: 'agent-sends-email-reply';
  readonly subject: string;
  readonly agent?: string;
}

export const agentSendsEmailReply = define<AgentSendsEmailReply>({
  type: 'agent-sends-email-reply',
  actor: 'Agent',
  fields: { subject: text, agent: optional(text) },
  words: (action, style) => `${agentWord(action.agent)} sends the reply to ${style.quote(action.subject)}`,
  cannot: (action, style) => `${agentWord(action.agent)} cannot send the reply to ${style.quote(action.subject)}`,
  refusal: (rt, action) => {
    const console = consoleFor(rt, action.agent);
    const refused = cannotHandleActivities(rt.state, console, action.agent);
    if (refused) return refused;
    return inboxEmail(rt.state, console, action.subject) === undefined
      ? `the agent's inbox holds no email "${action.subject}"`
      : null;
  },
  perform: (rt, action) => {
    const console = consoleFor(rt, action.agent);
    const activityId = inboxEmail(rt.state, console, action.subject)!;
    const path = ['AgentConsole', 'Web', consoleApplication(rt, console), 'Database'] as const;
    if (!travel(rt, path, `reply to "${action.subject}"`)) return;
    setActivityStatus(rt, rt.directory.row(activityId)!, STATUS.completed);
    console.inbox = console.inbox.filter((id) => id !== activityId);
    touchConsole(rt, console);
    showAgent(rt, `reply to "${action.subject}" sent; email ${activityId} completed`);
  },
  example: {
    after: [{ type: 'agent-completes-chat' }, SOURCE_EMAIL],
    action: { type: 'agent-sends-email-reply', subject: 'test2' },
  },
  tries: {
    reads: [],
    weight: 1,
    candidates: (_state, cast) =>
      agentsOf(cast).flatMap((agent) =>
        cast.subjects.map((subject) => ({ type: 'agent-sends-email-reply' as const, subject, ...agent })),
      ),
  },
  controls: (_state, fields) => {
    const subject = fields.emailSubject.trim();
    return [
      {
        id: 'agent-sends-email-reply',
        group: 'agent',
        label: 'Send the email reply',
        made:
          subject === '' ? 'type the subject of the email to reply to' : { type: 'agent-sends-email-reply', subject },
      },
    ];
  },
});
