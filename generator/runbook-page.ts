/**
 * A runbook's page: one situation, in the order an operator needs it (Finesse's scenario | how you notice | what
 * to do, a support article's symptom, cause and resolution), each statement followed by its mark: *From the
 * source*, linking to the claim on the claims page, or *Assumed*, linking to the model's assumption, with its
 * reason. The impact by chat phase and the database rows are the model's, run here (generator/chat-phases.ts).
 * `unmarkedStatements` is the check that no statement goes out without a mark.
 */
import type { Claim, Register } from '../features/claims-register';
import { OPEN_CHATS } from '../diagnostics/queries';
import { DIAGNOSTIC_COLUMNS, type DiagnosticRow } from '../model/database';
import { Deployment } from '../model/deployment';
import type { Action } from '../model/actions';
import {
  CHAT_PHASES,
  PHASE_ASSUMPTION,
  PHASE_LABEL,
  phaseImpact,
  type ChatPhase,
  type Outage,
  type PhaseImpact,
  type PhaseMoment,
} from './chat-phases';
import { htmlAttribute, htmlText, yamlString } from './escape';
import { assumptionAnchor, evidenceRegister } from './evidence';
import { claimAnchor, ROUTES } from './routes';
import type { Mark, Runbook, Statement } from './runbooks';
import { markedStatement, STATEMENTS_ATTRIBUTE, unmarkedStatements, type StatementBasis } from './statement-marks';

export const RUNBOOK_ROUTE = '/runbooks';

/** The doc path of a runbook under docs/generated/, without `.md`. */
export const runbookPage = (runbook: Runbook): string => `runbooks/${runbook.slug}`;

/** The runbook's route on the site: `/runbooks/messaging-server`. */
export const runbookRoute = (runbook: Runbook): string => `${RUNBOOK_ROUTE}/${runbook.slug}`;

export const runbookTitle = (runbook: Runbook): string => `${runbook.failure} failed`;

/** "the Messaging server", inside a sentence. */
const failureInText = (runbook: Runbook): string => runbook.failure.replace(/^The /, 'the ');

/** The reason for an assumed mark (HTML), folded: one tap away, so a section stays one screen on a phone. */
const whyText = (reason: string): string => why(htmlText(reason));
const why = (reasonHtml: string): string => ` <details class="cf-rb-why"><summary>why</summary>${reasonHtml}</details>`;

/** What a statement rests on, in generator/statement-marks.ts's terms. */
function basisOf(marks: readonly Mark[]): StatementBasis {
  return {
    claims: marks.flatMap((m) => ('claim' in m ? [m.claim] : [])),
    assumptions: marks.flatMap((m) => ('assumption' in m ? [m.assumption] : [])),
  };
}

/**
 * One statement, marked through `markedStatement` (the mark every generated surface writes), then, for each
 * assumption it rests on, the assumption's reason folded beside it: itself a statement resting on that assumption.
 */
function statementHtml(statement: Statement, register: Register): string {
  const reasons = statement.marks.flatMap((m) => {
    if (!('assumption' in m)) return [];
    const assumption = register.assumptions.find((a) => a.id === m.assumption);
    return assumption ? [{ id: assumption.id, reason: assumption.rationale }] : [];
  });
  const marked = markedStatement(statement.text, basisOf(statement.marks), register);
  return `<li class="cf-rb-statement"><span ${STATEMENTS_ATTRIBUTE}>${marked}</span>${reasons
    .map(({ id, reason }) =>
      why(`<span ${STATEMENTS_ATTRIBUTE}>${markedStatement(reason, { assumptions: [id] }, register)}</span>`),
    )
    .join('')}</li>`;
}

function statementsHtml(statements: readonly Statement[], register: Register): string {
  return `<ul class="cf-rb">${statements.map((s) => statementHtml(s, register)).join('')}</ul>`;
}

/**
 * What a rendered runbook says without a mark: each runbook statement (`cf-rb-statement`) must hold a marked
 * statement, every text inside a statements container must be marked (statement-marks.ts's checker), and each
 * chat phase's row must carry its mark.
 */
export function unmarkedRunbookStatements(page: string): string[] {
  const items = page.match(/<li class="cf-rb-statement">[\s\S]*?<\/li>/g) ?? [];
  const rows = page.match(/<tr class="cf-rb-phase">[\s\S]*?<\/tr>/g) ?? [];
  return [
    ...items.filter((item) => !item.includes('class="cf-statement ')),
    ...rows.filter((row) => !row.includes('class="cf-rb-mark')),
  ]
    .map((item) => item.replace(/<[^>]+>/g, '').trim())
    .concat(unmarkedStatements(page));
}

const PREMISE_ACTIONS: readonly Action[] = [
  { type: 'agent-logs-in', agent: 'JDoe' },
  { type: 'customer-starts-chat', question: 'Help me!' },
  { type: 'agent-sends', text: 'Hello' },
];

/** The open-chats query's rows for a chat in progress, while the servers are down and once they are back. */
function openChatRows(outage: Outage): { down: DiagnosticRow[]; back: DiagnosticRow[] } {
  const deployment = new Deployment();
  for (const action of PREMISE_ACTIONS) deployment.apply(action);
  for (const server of outage.fail) deployment.apply({ type: 'fail', server });
  deployment.apply({ type: 'wait', seconds: outage.minutesDown * 60 });
  const down = [...deployment.view().database.openChats];
  for (const server of outage.restore) deployment.apply({ type: 'restore', server });
  deployment.apply({ type: 'wait', seconds: 60 });
  return { down, back: [...deployment.view().database.openChats] };
}

const SHOWN_COLUMNS = [
  'activity_id',
  'activity_status',
  'activity_sub_status',
  'user_name',
] as const satisfies readonly (typeof DIAGNOSTIC_COLUMNS)[number][];

function rowsTable(caption: string, rows: readonly DiagnosticRow[]): string {
  if (rows.length === 0) return `<p>${htmlText(`${caption}: no rows (no chat still open).`)}</p>`;
  return `<div class="cf-scroll" tabindex="0" role="region" aria-label="${htmlAttribute(caption)}"><table class="cf-table cf-rb-rows"><caption>${htmlText(caption)}</caption><thead><tr>${SHOWN_COLUMNS.map(
    (c) => `<th scope="col">${htmlText(c)}</th>`,
  ).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${SHOWN_COLUMNS.map((c) => `<td>${htmlText(String(row[c]))}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

function list(items: readonly string[], none: string): string {
  if (items.length === 0) return `<span class="cf-muted">${htmlText(none)}</span>`;
  return `<ul class="cf-outage-list">${items.map((item) => `<li>${htmlText(item)}</li>`).join('')}</ul>`;
}

/**
 * What a phase's row rests on: null when the source shows it (a chat in progress in a failure of the source, and
 * the Services server's email), else the register's assumptions, the phase's own first (PHASE_ASSUMPTION), then,
 * for an ordering the source does not show, the runbook's.
 */
export function phaseAssumptions(runbook: Runbook, phase: ChatPhase): string[] | null {
  const shown =
    runbook.sections.length > 0 &&
    (phase === 'in progress' || (phase === 'email' && runbook.slug === 'services-server'));
  if (shown) return null;
  if (runbook.sections.length === 0 && runbook.unshown === undefined)
    throw new Error(`runbook ${runbook.slug} covers no section of the source and names no "unshown" assumption`);
  const own = phase === 'in progress' ? [] : [PHASE_ASSUMPTION[phase]];
  return [...own, ...(runbook.sections.length ? [] : [runbook.unshown!])];
}

const assumptionHref = (id: string): string => `${ROUTES.assumptions}#${assumptionAnchor(id)}`;

/**
 * A phase row's mark: from the source (the premise's claim), or assumed, linking to each assumption's own entry
 * on the assumptions page, with the first one's reason folded beside it (`why: false` leaves the reason out).
 */
export function phaseMark(
  runbook: Runbook,
  phase: ChatPhase,
  register: Register = evidenceRegister(),
  { why = true } = {},
): string {
  const ids = phaseAssumptions(runbook, phase);
  if (ids === null)
    return `<a class="cf-rb-mark cf-rb-mark-source" href="${htmlAttribute(`${ROUTES.claims}#${claimAnchor('PRE-1')}`)}">${htmlText(
      'From the source · shown by the lab write-up',
    )}</a>`;
  const assumptions = ids.map((id) => {
    const assumption = register.assumptions.find((a) => a.id === id);
    if (!assumption)
      throw new Error(`runbook ${runbook.slug}, phase "${phase}": no assumption ${id} in features/claims.json`);
    return assumption;
  });
  const [first, ...others] = assumptions;
  return `<span class="cf-rb-mark cf-rb-mark-assumed"><a href="${htmlAttribute(assumptionHref(first!.id))}" title="${htmlAttribute(
    `Assumed: ${first!.id}`,
  )}">${htmlText('Assumed · the model’s prediction')}</a>${others
    .map((a) => ` <a class="cf-mark-link" href="${htmlAttribute(assumptionHref(a.id))}">${htmlText(a.id)}</a>`)
    .join('')}${why ? whyText(first!.statement) : ''}</span>`;
}

const PHASE_COLUMNS = ['While down: the customer', 'While down: the agent', 'Database', 'Once back'] as const;

function momentCell(label: string, items: readonly string[], none: string): string {
  return `<td data-label="${htmlAttribute(label)}">${list(items, none)}</td>`;
}

function backItems(back: PhaseMoment): string[] {
  return [
    ...back.customer.map((c) => `customer: ${c}`),
    ...back.agent.map((a) => `agent: ${a}`),
    ...back.database.map((d) => `database: ${d}`),
  ];
}

/** The impact-by-phase table: one row (a card on a phone) per chat phase, from the model. */
export function phaseTable(
  runbook: Runbook,
  impacts: readonly PhaseImpact[],
  register: Register = evidenceRegister(),
): string {
  const [customer, agent, database, back] = PHASE_COLUMNS;
  return `<div class="cf-outage cf-rb-phases"><table><caption>${htmlText(
    `What happens to each kind of work, with the servers down for ${runbook.outage.minutesDown} minutes (from the model)`,
  )}</caption><thead><tr><th scope="col">Phase</th>${PHASE_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody>${impacts
    .map(
      (impact) =>
        `<tr class="cf-rb-phase"><th scope="row">${htmlText(PHASE_LABEL[impact.phase])} ${phaseMark(runbook, impact.phase, register)}</th>${momentCell(
          customer,
          impact.down.customer,
          'nothing new',
        )}${momentCell(agent, impact.down.agent, 'nothing new')}${momentCell(database, impact.down.database, 'no activity')}${momentCell(
          back,
          backItems(impact.restored),
          'nothing new',
        )}</tr>`,
    )
    .join('')}</tbody></table></div>`;
}

function knownDefects(runbook: Runbook, register: Register): Claim[] {
  return register.claims.filter((c) => c.defect && runbook.sections.includes(c.section));
}

/** A runbook's page, as Markdown with HTML blocks (never MDX). */
export function runbookMarkdown(runbook: Runbook, position: number, register: Register = evidenceRegister()): string {
  const impacts = CHAT_PHASES.map((phase) => phaseImpact(runbook.outage, phase));
  const rows = openChatRows(runbook.outage);
  const defects = knownDefects(runbook, register);
  const defectStatements: Statement[] = defects.map((c) => ({ text: c.statement, marks: [{ claim: c.id }] }));
  return (
    [
      [
        '---',
        `title: ${yamlString(runbookTitle(runbook))}`,
        `sidebar_label: ${yamlString(runbook.label ?? runbook.failure.replace(/^The /, ''))}`,
        `sidebar_position: ${position}`,
        `slug: ${yamlString(runbookRoute(runbook))}`,
        `description: ${yamlString(`What customers and agents see when ${failureInText(runbook)} failed, what to do, and what happens when it is back.`)}`,
        'toc_max_heading_level: 2',
        '---',
      ].join('\n'),
      `<p class="cf-rb-intro">${htmlText(
        `An integrated agent is in a live chat when ${failureInText(runbook)} failed. Every statement is marked: “From the source” (the lab write-up; hover or open the claim for its words) or “Assumed” (what the model predicts where the source is silent, with its reason).`,
      )}</p>`,
      '## What customers see, and what to tell them {#customers}',
      statementsHtml(runbook.customersSee, register),
      `<p class="cf-rb-sub">${htmlText('Tell customers:')}</p>`,
      statementsHtml(runbook.tellCustomers, register),
      '## What agents see, and what they should do {#agents}',
      statementsHtml(runbook.agentsSee, register),
      `<p class="cf-rb-sub">${htmlText('Agents should:')}</p>`,
      statementsHtml(runbook.agentsDo, register),
      '## What an administrator checks {#administrator}',
      statementsHtml(runbook.administrator, register),
      `<details class="cf-rb-query"><summary>${htmlText(`The source’s diagnostic query (${OPEN_CHATS.title.toLowerCase()})`)}</summary>\n\n\`\`\`sql\n${OPEN_CHATS.sqlServer}\n\`\`\`\n\n</details>`,
      `${rowsTable('Rows to expect while the servers are down (from the model)', rows.down)}${rowsTable(
        'Rows to expect once they are back (from the model)',
        rows.back,
      )}`,
      '## When the servers are back {#restoration}',
      statementsHtml(runbook.restoration, register),
      '## What is known to be wrong {#known-defects}',
      defectStatements.length
        ? statementsHtml(defectStatements, register)
        : `<p>${htmlText(
            runbook.sections.length
              ? 'The source marks nothing as incorrect for this failure.'
              : 'The source does not show this ordering, so it marks nothing here as incorrect.',
          )} <a href="${htmlAttribute(ROUTES.knownDefects)}">${htmlText('All known defects')}</a></p>`,
      '## Impact by chat phase {#impact-by-phase}',
      phaseTable(runbook, impacts, register),
    ].join('\n\n') + '\n'
  );
}
