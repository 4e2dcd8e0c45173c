/**
 * Stands in for the local search plugin's `theme/searchByWorker` module (plugins/search-operate-first.js replaces
 * the plugin's own imports of it with this one): the same two functions, whose results put the Operate sidebar's
 * pages first (src/client/search-order.ts). The search bar and the search page both search through it.
 */
import globalData from '@generated/globalData';
// The plugin's own modules, by the alias plugins/search-operate-first.js gives their folder.
import { fetchIndexesByWorker, searchByWorker as pluginSearch } from 'cf-search-local-client/theme/searchByWorker';
import { processTreeStatusOfSearchResults } from 'cf-search-local-client/utils/processTreeStatusOfSearchResults';
import { pagesFirst, sidebarRoutes, type SearchResultLike } from './search-order';

export { fetchIndexesByWorker };

/** The sidebar whose pages come first (sidebars.js). */
export const FIRST_SIDEBAR = 'operate';

let operate: Set<string> | null = null;

export async function searchByWorker(
  baseUrl: string,
  searchContext: string,
  input: string,
  limit: number,
): Promise<SearchResultLike[]> {
  const results = (await pluginSearch(baseUrl, searchContext, input, limit)) as SearchResultLike[];
  operate ??= sidebarRoutes(globalData, FIRST_SIDEBAR);
  return pagesFirst(results, operate, processTreeStatusOfSearchResults as (r: SearchResultLike[]) => void);
}
