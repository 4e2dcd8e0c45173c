/**
 * A plan in a link: `/playground?step=<json>&step=<json>…`, one URL parameter per step, so that a reader can
 * share "this exact outage", and a link with a broken step still yields every step that could be read.
 * Used by the playground page (reading) and the docs generator's "open in playground" links (writing).
 */
import type { Action, Plan } from '../model/actions';
import { parseAction, PlanError } from './plan';

/** Directory-style, as the site is built (docusaurus.config.js `trailingSlash: true`): any static host serves it. */
export const PLAYGROUND_PATH = 'playground/';

/** The query string for `plan`, starting with `?` (empty plan: empty string). */
export function planToSearch(plan: Plan): string {
  const params = new URLSearchParams();
  for (const action of plan) params.append('step', JSON.stringify(action));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The playground's address for `plan`, under the site's base URL (Docusaurus `baseUrl`, ending in `/`). */
export function playgroundHref(plan: Plan, baseUrl = '/'): string {
  return `${baseUrl}${PLAYGROUND_PATH}${planToSearch(plan)}`;
}

export interface ReadPlan {
  readonly plan: Action[];
  /** One sentence per step that could not be read, naming its position; the steps themselves are left out. */
  readonly problems: string[];
}

/** Reads every `step` parameter of a query string; unreadable steps are reported and skipped, never guessed. */
export function planFromSearch(search: string): ReadPlan {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const plan: Action[] = [];
  const problems: string[] = [];
  params.getAll('step').forEach((text, index) => {
    const where = `link, step ${index + 1}`;
    try {
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        throw new PlanError(where, `not valid JSON: ${JSON.stringify(text.slice(0, 80))}`);
      }
      plan.push(parseAction(input, where));
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      problems.push(error.message);
    }
  });
  for (const key of new Set(params.keys())) {
    if (key !== 'step')
      problems.push(`link: unknown parameter "${key}" (a playground link has only "step" parameters)`);
  }
  return { plan, problems };
}
