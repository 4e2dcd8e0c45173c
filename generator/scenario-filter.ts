/**
 * Filtering a page's scenarios in the browser, by status and by a cucumber tag expression (the grammar of
 * `cucumber-js --tags`): the form a page shows, and the attributes that tell the filter each scenario's status,
 * tags and anchor. The filtering itself is src/client/scenario-filter.ts, which Docusaurus loads on every page.
 */
import { htmlAttribute, htmlText } from './escape';
import { STATUSES, type ScenarioDoc, type Status } from './run-model';

/** Attributes for the element that stands for a scenario (an index row); `anchor` links it to its section. */
export function filterAttributes(scenario: Pick<ScenarioDoc, 'status' | 'tags'>, anchor?: string): string {
  return ` data-cf-status="${htmlAttribute(scenario.status)}" data-cf-tags="${htmlAttribute(scenario.tags.join(' '))}"${
    anchor ? ` data-cf-anchor="${htmlAttribute(anchor)}"` : ''
  }`;
}

/** The filter's form; `statuses` are those the page's scenarios have. */
export function filterForm(statuses: readonly Status[]): string {
  const present = STATUSES.filter((s) => statuses.includes(s));
  return `<form class="cf-filter" data-cf-filter="" role="search" aria-label="${htmlAttribute(
    'Filter the scenarios',
  )}"><label>${htmlText('Status')} <select name="status"><option value="">${htmlText('any')}</option>${present
    .map((s) => `<option value="${htmlAttribute(s)}">${htmlText(s)}</option>`)
    .join(
      '',
    )}</select></label> <label>${htmlText('Tags')} <input name="tags" type="search" size="32" placeholder="${htmlAttribute(
    '@known-defect and not @inferred',
  )}"/></label> <output class="cf-filter-count"></output> <span class="cf-filter-error" role="alert"></span></form>`;
}
