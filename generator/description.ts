/**
 * The free text under a feature, rule or scenario heading. It is the features' own prose, escaped like any run
 * text (generator/escape.ts) so nothing in it becomes markup, with two exceptions the features rely on: a span in
 * backticks (`npm run explore`) is code, shown in a code font (its text still escaped, so it too shows as
 * written), and their citations name the project's sources page as `docs/sources.md`, which a reader of the site
 * opens as the Sources page, so that name outside code becomes a link to it.
 */
import { markdownText } from './escape';
import { ROUTES } from './routes';

/** The sources page as the features cite it, once escaped (every ASCII punctuation mark backslash-escaped). */
const CITED = new RegExp(`${markdownText('docs/sources.md').replace(/[\\.]/g, '\\$&')}(?![A-Za-z0-9])`, 'g');
/** A code span as the features write one: a backtick, text on one line with no backtick, a backtick. */
const CODE_SPAN = /`([^`\r\n]+)`/g;

const prose = (text: string) => markdownText(text).replace(CITED, `[Sources](${ROUTES.sources})`);

export function descriptionMarkdown(text: string): string {
  let out = '';
  let from = 0;
  for (const span of text.matchAll(CODE_SPAN)) {
    out += `${prose(text.slice(from, span.index))}<code>${markdownText(span[1]!)}</code>`;
    from = span.index + span[0].length;
  }
  return out + prose(text.slice(from));
}
