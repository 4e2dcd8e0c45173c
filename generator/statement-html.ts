/**
 * How a marked statement is written: the statement, then its mark, in one `cf-statement` span that
 * `unmarkedStatements` (statement-marks.ts) counts as marked. Its own module, with no Node import, so that the
 * playground writes its outcome lines in the browser exactly as the generated pages write theirs.
 */
import { htmlText } from './escape';

export type MarkKind = 'source' | 'assumed';

/** A mark: its kind and its HTML (`source:` or `assumed:` and a link per claim or assumption). */
export interface Mark {
  readonly kind: MarkKind;
  readonly html: string;
}

/** The mark's HTML around its links (each already written as HTML). */
export function markHtml(kind: MarkKind, links: readonly string[]): string {
  return `<span class="cf-mark cf-mark-${kind}">${htmlText(kind === 'source' ? 'source:' : 'assumed:')} ${links.join(' ')}</span>`;
}

/** `html` (a statement already escaped) followed by its mark. */
export function statementHtml(html: string, mark: Mark): string {
  return `<span class="cf-statement cf-statement-${mark.kind}">${html} ${mark.html}</span>`;
}
