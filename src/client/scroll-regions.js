/**
 * Boxes that scroll sideways (wide database tables, the agent console, diagrams, step tables) can be scrolled
 * from the keyboard: each becomes a focusable, named region once it holds more than it shows (WCAG 2.1.1; axe's
 * scrollable-region-focusable). Boxes that fit are left alone, so they add no tab stop.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

// A Markdown table is its own scroll box (Infima gives tables `display: block; overflow: auto`).
const SCROLL_BOXES =
  '.cf-db-scroll, .cf-scroll, .cf-console, .docusaurus-mermaid-container, .cf-diagram-scroll, .markdown table';
const NAMES = [
  ['.cf-console', 'Agent console (scrolls sideways)'],
  ['.docusaurus-mermaid-container, .cf-diagram-scroll', 'Diagram (scrolls sideways)'],
  ['*', 'Table (scrolls sideways)'],
];

/**
 * A region's name: what it holds. A table is named by its caption or the query it shows (the playground's
 * database tables, one per query), so two tables of a page are two distinguishable regions (axe's
 * landmark-unique), not two regions both called "Table".
 */
function nameOf(box) {
  const table = box.querySelector('table');
  const title = table?.caption?.textContent?.trim() || table?.getAttribute('data-query');
  if (title && !box.matches('.cf-console')) return `${title} (table, scrolls sideways)`;
  return NAMES.find(([selector]) => box.matches(selector))[1];
}

function mark() {
  for (const box of document.querySelectorAll(SCROLL_BOXES)) {
    const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
    if (!scrolls || box.hasAttribute('tabindex')) continue;
    box.setAttribute('tabindex', '0');
    box.setAttribute('data-scroll-region', '');
    if (!box.hasAttribute('role')) box.setAttribute('role', 'region');
    if (!box.hasAttribute('aria-label')) box.setAttribute('aria-label', nameOf(box));
  }
}

let scheduled = false;
function schedule() {
  if (scheduled) return;
  scheduled = true;
  window.requestAnimationFrame(() => {
    scheduled = false;
    mark();
  });
}

if (ExecutionEnvironment.canUseDOM) {
  // Diagrams draw and folds open after the page has loaded; the playground redraws its views on every step.
  new MutationObserver(schedule).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['open'],
  });
  window.addEventListener('resize', schedule);
  document.addEventListener('toggle', schedule, true);
}

export function onRouteDidUpdate() {
  schedule();
}
