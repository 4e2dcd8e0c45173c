/** An email arrives on the mail server, where the Services server's retrieval picks it up. */
import { hop } from '../effects';
import { count, define, optional, text } from './definition';

export interface EmailArrives {
  readonly type: 'email-arrives';
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly sent: string;
  readonly caseId?: number;
}

/** The email of the source's Services server scenarios, as it arrives: the examples of the inbox actions start with it. */
export const SOURCE_EMAIL = {
  type: 'email-arrives',
  from: 'testcust@dslab.cisco.com',
  to: 'eim@dslab.cisco.com',
  subject: 'test2',
  sent: '7/11/2011 2:03:58 PM',
} as const satisfies EmailArrives;

export const emailArrives = define<EmailArrives>({
  type: 'email-arrives',
  actor: 'Operator',
  fields: { from: text, to: text, subject: text, sent: text, caseId: optional(count) },
  words: (action, style) =>
    `an email ${style.quote(action.subject)}` +
    style.pick('', ` sent ${style.quote(action.sent)}`) +
    ` arrives from ${action.from}` +
    style.pick('', ` to ${action.to}` + (action.caseId === undefined ? '' : ` as case ${action.caseId}`)),
  cannot: (action, style) => `an email ${style.quote(action.subject)} cannot arrive`,
  refusal: (rt, { caseId }) =>
    caseId !== undefined && rt.directory.hasCase(caseId) ? `case ${caseId} already exists` : null,
  perform: (rt, { from, to, subject, sent, caseId }) => {
    rt.state.mailbox.push({ from, to, subject, sent, ...(caseId !== undefined && { caseId }) });
    hop(rt, 'Customer', 'Services', `email "${subject}" waits on the mail server`, true);
  },
  example: { action: { ...SOURCE_EMAIL, caseId: 1187 } },
  tries: {
    reads: [],
    weight: 1,
    budget: { count: 'emails', otherwise: 0 },
    candidates: (_state, cast) =>
      cast.subjects.flatMap((subject) => [
        { ...SOURCE_EMAIL, subject },
        ...cast.caseIds.map((caseId) => ({ ...SOURCE_EMAIL, subject, caseId })),
      ]),
  },
  controls: (_state, fields) => {
    const subject = fields.emailSubject.trim();
    const from = fields.emailFrom.trim();
    return [
      {
        id: 'email-arrives',
        group: 'email',
        label: 'Deliver the email',
        made:
          subject === ''
            ? 'an email needs a subject'
            : from === ''
              ? 'an email needs a sender'
              : { type: 'email-arrives', from, to: SOURCE_EMAIL.to, subject, sent: SOURCE_EMAIL.sent },
      },
    ];
  },
});
