/**
 * Links inside markup written at docs generation and shown by a React page (the playground's marked outcomes, the
 * diagnosis page's marked situations): the generator writes a route as the pages' Markdown does (`/claims#…`),
 * and Docusaurus rewrites those in the pages it builds, but not in markup a component sets as HTML. This applies
 * the same two rules Docusaurus's own Link applies: the site's trailing-slash setting (so a static host serves the
 * address without a redirect) and its base URL (so a site served under a sub-path links inside itself).
 */
import { applyTrailingSlash } from '@docusaurus/utils-common';

/** `html` with every root-relative `href="/…"` made an address of the site at `baseUrl`. */
export function siteLinks(html: string, baseUrl: string, trailingSlash: boolean | undefined): string {
  return html.replace(/href="(\/(?!\/)[^"]*)"/g, (_, route: string) => {
    const path = applyTrailingSlash(route, { trailingSlash, baseUrl: '/' });
    return `href="${baseUrl.replace(/\/$/, '')}${path}"`;
  });
}
