/**
 * The free text under a feature, rule or scenario heading. It is the features' own prose, escaped like any run
 * text (generator/escape.ts) so nothing in it becomes markup, with one exception the features rely on: their
 * citations name the project's sources page as `docs/sources.md`, which a reader of the site opens as the
 * Sources page, so that name becomes a link to it.
 */
import { markdownText } from './escape';
import { ROUTES } from './routes';

/** The sources page as the features cite it, once escaped (every ASCII punctuation mark backslash-escaped). */
const CITED = new RegExp(`${markdownText('docs/sources.md').replace(/[\\.]/g, '\\$&')}(?![A-Za-z0-9])`, 'g');

export function descriptionMarkdown(text: string): string {
  return markdownText(text).replace(CITED, `[Sources](${ROUTES.sources})`);
}
