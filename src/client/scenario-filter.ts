/**
 * The scenario filter of the generated pages (feature pages, the run summary, the lists): a status and a
 * cucumber tag expression (`@cucumber/tag-expressions`, the grammar of `cucumber-js --tags`) hide the scenarios
 * that do not match, in the index and, on a feature page, their sections too. A Docusaurus client module: it
 * wires every `form[data-cf-filter]` after each route change. `?status=` and `?tags=` in the address prefill it.
 */
import { parse } from '@cucumber/tag-expressions';
import './scenario-filter.css';

const HIDDEN = 'cf-filtered-out';

/** The elements of a scenario's section on a feature page: its heading and what follows until the next one. */
function sectionOf(anchor: string): HTMLElement[] {
  const heading = document.getElementById(anchor);
  if (!heading || !/^H[23]$/.test(heading.tagName)) return [];
  const elements: HTMLElement[] = [heading];
  for (let el = heading.nextElementSibling; el && !/^H[1-3]$/.test(el.tagName); el = el.nextElementSibling) {
    elements.push(el as HTMLElement);
  }
  return elements;
}

function wire(form: HTMLFormElement): void {
  form.dataset.cfReady = 'true';
  const scope = form.nextElementSibling;
  const rows = scope ? [...scope.querySelectorAll<HTMLElement>('[data-cf-status]')] : [];
  const status = form.querySelector<HTMLSelectElement>('select[name="status"]')!;
  const tags = form.querySelector<HTMLInputElement>('input[name="tags"]')!;
  const count = form.querySelector<HTMLOutputElement>('.cf-filter-count')!;
  const problem = form.querySelector<HTMLElement>('.cf-filter-error')!;
  const params = new URLSearchParams(window.location.search);
  if (params.has('status')) status.value = params.get('status')!;
  if (params.has('tags')) tags.value = params.get('tags')!;

  const apply = () => {
    let matches: (scenarioTags: string[]) => boolean = () => true;
    problem.textContent = '';
    if (tags.value.trim()) {
      try {
        const expression = parse(tags.value);
        matches = (scenarioTags) => expression.evaluate(scenarioTags);
      } catch (error) {
        problem.textContent = `Not a tag expression: ${(error as Error).message}`;
      }
    }
    let shown = 0;
    for (const row of rows) {
      const scenarioTags = (row.dataset.cfTags ?? '').split(' ').filter(Boolean);
      const visible = (!status.value || row.dataset.cfStatus === status.value) && matches(scenarioTags);
      if (visible) shown++;
      row.classList.toggle(HIDDEN, !visible);
      if (row.dataset.cfAnchor) for (const el of sectionOf(row.dataset.cfAnchor)) el.classList.toggle(HIDDEN, !visible);
    }
    count.textContent = `${shown} of ${rows.length} scenarios`;
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}

export function onRouteDidUpdate(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-cf-filter]')) {
    if (!form.dataset.cfReady) wire(form);
  }
}
