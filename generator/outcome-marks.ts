/**
 * The playground's outcomes, marked: what the customer, the agent and the database show after a free-form plan
 * (generator/what-people-see.ts), each statement marked as the source's or assumed from the outcome table that
 * docs generation reads off the run (generator/outcome-table.ts, static/reports/outcome-marks.json). The table
 * says, for each failure situation a scenario of the specification ended in (diagnosis/situation.ts: which
 * servers failed, down or back, for how long in the model's bands), which claims and assumptions the scenario's
 * asserted lines that state each thing rest on, with the same marks as every generated page. A statement the
 * table cannot vouch for in the plan's situation (no scenario checked it there) is the model's answer, marked
 * assumed; never source. No Node module: it runs in the browser.
 */
import { SERVERS } from '../model/servers';
import type { Trace } from '../model/trace';
import type { DeploymentView } from '../model/views';
import { situationOfTrace, thresholdsOf, type SituationSummary } from '../diagnosis/situation';
import type { ModelParameters } from '../model/parameters';
import { htmlAttribute, htmlText } from './escape';
import { ROUTES } from './routes';
import { markHtml, statementHtml, type Mark } from './statement-html';
import { PEOPLE, type Person } from './what-people-see';

/** The table's file in static/reports/ (the site serves it at /reports/), written at docs generation. */
export const OUTCOME_MARKS_FILE = 'outcome-marks.json';

export interface OutcomeTable {
  /** The marks the table uses, each once. */
  readonly marks: readonly Mark[];
  /** Situation key (`situationOfTrace`) → what a person sees (what-people-see.ts's text) → its mark's index. */
  readonly situations: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How many passed scenarios with an end state it was read from. */
  readonly scenarios: number;
}

/** The mark of a statement no scenario checked in its situation: the model's answer, assumed. */
export const MODEL_ANSWER: Mark = {
  kind: 'assumed',
  html: markHtml('assumed', [
    `<a class="cf-mark-link cf-tag-inferred" href="${htmlAttribute(ROUTES.assumptions)}" title="${htmlAttribute(
      'The model’s answer: no scenario of the specification checks this in this situation, so nothing vouches for it but the model and its assumptions',
    )}">${htmlText('the model’s answer')}</a>`,
  ]),
};

/**
 * The situation a trace's events end in at `clock`, under the model's parameters: a scenario's (its trace
 * attachment) as the table's builder reads it, and the playground's (its deployment's) alike.
 */
export function situationOf(
  events: Trace['events'],
  parameters: Trace['parameters'] | ModelParameters,
  clock: number,
): SituationSummary {
  return situationOfTrace(events, clock, thresholdsOf(parameters as ModelParameters), SERVERS);
}

export interface OutcomeLine {
  readonly person: Person;
  readonly text: string;
  readonly mark: Mark;
  /** Whether the table vouched for it (else it carries `MODEL_ANSWER`). */
  readonly vouched: boolean;
}

/** Each thing each person sees in `view`, once, with its mark from `table` for the situation `situation`. */
export function outcomeLines(view: DeploymentView, situation: string, table: OutcomeTable | null): OutcomeLine[] {
  const known = table?.situations[situation] ?? {};
  const lines: OutcomeLine[] = [];
  for (const { id, sees } of PEOPLE) {
    const texts = [...new Set(sees(view).map((seen) => seen.text))];
    for (const text of texts) {
      const index = known[text];
      const mark = index === undefined ? undefined : table?.marks[index];
      lines.push({ person: id, text, mark: mark ?? MODEL_ANSWER, vouched: mark !== undefined });
    }
  }
  return lines;
}

/** One person's lines as a list of marked statements, or a line saying there is nothing to mark. */
export function outcomeListHtml(lines: readonly OutcomeLine[], person: Person): string {
  const mine = lines.filter((line) => line.person === person);
  if (mine.length === 0) return `<p class="cf-muted">${htmlText('Nothing out of the ordinary.')}</p>`;
  return `<ul class="cf-outage-list" data-cf-statements>${mine
    .map((line) => `<li>${statementHtml(htmlText(line.text), line.mark)}</li>`)
    .join('')}</ul>`;
}
