/**
 * A plan in a link: `/playground?step=<json>&step=<json>…`, one URL parameter per step, so that a reader can
 * share "this exact outage", and a link with a broken step still yields every step that could be read.
 * Used by the playground page (reading) and the docs generator's "open in playground" links (writing).
 * Every step read goes through plans/validate.ts; a link longer than servers accept is neither written nor read.
 */
import type { Action, Plan } from '../model/actions';
import { quoted } from '../generator/escape';
import { checkLength, parseAction, PLAN_LIMITS, PlanError } from './validate';

/** Directory-style, as the site is built (docusaurus.config.js `trailingSlash: true`): any static host serves it. */
export const PLAYGROUND_PATH = 'playground/';

function searchOf(plan: Plan): string {
  const params = new URLSearchParams();
  for (const action of plan) params.append('step', JSON.stringify(action));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Why a query string is too long to share (`what` names it in the sentence), or null. */
function tooLong(search: string, what: string): string | null {
  return search.length > PLAN_LIMITS.linkLength
    ? `${what} ${search.length.toLocaleString('en-GB')} characters long; servers refuse addresses much longer than ` +
        `${PLAN_LIMITS.linkLength.toLocaleString('en-GB')} (the one npm start uses answers 431 over about 16 KB), so remove steps or shorten their texts`
    : null;
}

/** Why `plan` cannot be shared as a link, or null. */
export function planLinkProblem(plan: Plan): string | null {
  return tooLong(searchOf(plan), "the plan's link would be");
}

/** The query string for `plan`, starting with `?` (empty plan: empty string); a PlanError if it is too long. */
export function planToSearch(plan: Plan): string {
  const search = searchOf(plan);
  const problem = tooLong(search, "the plan's link would be");
  if (problem) throw new PlanError('link', problem);
  return search;
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
  const query = search.startsWith('?') ? search.slice(1) : search;
  const long = tooLong(`?${query}`, 'the link is');
  if (long) return { plan: [], problems: [`link: ${long}`] };
  const params = new URLSearchParams(query);
  const steps = params.getAll('step');
  try {
    checkLength(steps.length, 'link');
  } catch (error) {
    return { plan: [], problems: [(error as PlanError).message] };
  }
  const plan: Action[] = [];
  const problems: string[] = [];
  steps.forEach((text, index) => {
    const where = `link, step ${index + 1}`;
    try {
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        throw new PlanError(where, `not valid JSON: ${quoted(text, 80)}`);
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
