/**
 * Checks that several browser tests (and test/support/browser/profile-pages.ts) make of an open page: axe-core's
 * serious and critical violations, and how a page lays out at phone width.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2 A and AA rules, colour contrast included. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * axe-core over the page, every rule of `AXE_TAGS` on every node; mermaid's SVG internals (thousands of text nodes
 * in mermaid's own theme) are left to mermaid, and what this project adds to each diagram is checked by the tests.
 *
 * A page with no frame but its own is checked by `axe.run` in the page itself (the binding's "legacy mode"); one
 * with frames, the binding's default way (a partial run in each frame, finished in a blank page of its own). The
 * two give the same results on a page without frames, since the default's parts are `axe.run`'s own halves
 * (`runPartial`, `finishRun`): the default only adds a second page, a second copy of axe-core and the partial
 * results carried across: about a tenth of axe's CPU and a third of its wall time here (docs/engineering/testing.md).
 */
export function axeBuilder(page: Page): AxeBuilder {
  const builder = new AxeBuilder({ page }).withTags([...AXE_TAGS]).exclude('.docusaurus-mermaid-container svg');
  return page.frames().length === 1 ? builder.setLegacyMode(true) : builder;
}

/** Serious and critical violations, one line each with where they are. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await axeBuilder(page).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}; ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
}

/**
 * Resolves once two animation frames in a row have passed with no change to the page's DOM: a change of the
 * window's size has been laid out, and what the page's scripts do about it (React showing the phone navbar and
 * sidebar instead of the desktop ones) has been done and laid out too.
 */
export function laidOut(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let changed = false;
        const observer = new MutationObserver(() => (changed = true));
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        let quiet = 0;
        const frame = () => {
          quiet = changed ? 0 : quiet + 1;
          changed = false;
          if (quiet >= 2) {
            observer.disconnect();
            resolve();
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/**
 * How the page lays out in its window: how many px it is wider than the window (0 or less when it fits), and how
 * many chat statuses (with their icon) are shown but reach outside the window.
 */
export function phoneLayout(page: Page): Promise<{ overflow: number; hiddenStatuses: number }> {
  return page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    hiddenStatuses: Array.from(document.querySelectorAll('.cf-chat-status'))
      .map((cell) => cell.getBoundingClientRect())
      .filter((box) => box.width > 0 && (box.left < 0 || box.right > window.innerWidth)).length,
  }));
}
