/**
 * How a feature page folds: each scenario's diagram, end state and SQL sit in native `<details>` blocks, closed
 * until the reader opens them or follows a link to the scenario (src/client/anchor-landing.js opens the folds
 * whose `data-fold-for` is the linked anchor). Folded blocks take no height, so a page no longer grows above an
 * anchor while its diagrams draw, and a page answers "what happens" in its steps before showing everything.
 */
import { htmlAttribute, htmlText } from './escape';

export type FoldKind = 'scenario' | 'diagram' | 'end-state' | 'queries' | 'background';

/**
 * A fold around Markdown or HTML `body`. The blank lines keep `body` a block of its own, so a mermaid fence
 * inside stays a diagram; `anchor` is the scenario (or section) whose link opens it; `open` folds it open.
 */
export function fold(kind: FoldKind, summary: string, body: string, anchor: string, open = false): string {
  return [
    `<details class="cf-fold cf-fold-${kind}" data-fold-for="${htmlAttribute(anchor)}"${open ? ' open' : ''}><summary>${htmlText(summary)}</summary>`,
    body,
    '</details>',
  ].join('\n\n');
}

/**
 * A diagram in a box that scrolls sideways on its own (a phone shows it at a readable size), reachable and
 * scrollable from the keyboard, with a hint shown on narrow screens.
 */
export function diagramBox(markdown: string, label: string): string {
  return [
    `<div class="cf-diagram-scroll" tabindex="0" role="region" aria-label="${htmlAttribute(label)}">`,
    markdown,
    `</div>`,
    `<p class="cf-swipe-hint">${htmlText('Swipe sideways to follow the diagram; each lane is one screen or server.')}</p>`,
  ].join('\n\n');
}
