/**
 * A sequence diagram as it goes on a page, within what mermaid draws: labels cut short by sequence-diagram.ts are
 * listed in full beside it, and a diagram longer than mermaid's text limit (which mermaid would replace with
 * "Maximum text size in diagram exceeded") is left out with a sentence saying so, its long texts still listed.
 */
import { htmlText } from './escape';
import type { DiagramParts } from './sequence-diagram';

/** Mermaid's `maxTextSize` (its default, which the site keeps). */
export const MERMAID_MAX_TEXT = 50_000;

export function diagramBlock({ diagram, notes }: DiagramParts): string {
  const out: string[] = [];
  if (diagram.length > MERMAID_MAX_TEXT) {
    out.push(
      `<p class="cf-missing">${htmlText(
        `This diagram would be ${diagram.length.toLocaleString('en-GB')} characters of mermaid, more than the ${MERMAID_MAX_TEXT.toLocaleString('en-GB')} mermaid draws, so it is left out. The end state below shows where the scenario ended.`,
      )}</p>`,
    );
  } else {
    out.push(['```mermaid', diagram, '```'].join('\n'));
  }
  if (notes.length) {
    out.push(
      `<details class="cf-details cf-diagram-notes"><summary>${htmlText(
        `The ${notes.length === 1 ? 'text' : `${notes.length} texts`} cut short in the diagram, in full`,
      )}</summary><ol>${notes.map((note) => `<li>${htmlText(note)}</li>`).join('')}</ol></details>`,
    );
  }
  return out.join('\n\n');
}
