// The two modules of @easyops-cn/docusaurus-search-local that src/client/search-operate-first.ts calls, by the
// alias plugins/search-operate-first.js gives the plugin's client folder (the plugin ships them without types).
declare module 'cf-search-local-client/theme/searchByWorker' {
  export function fetchIndexesByWorker(baseUrl: string, searchContext: string): Promise<void>;
  export function searchByWorker(
    baseUrl: string,
    searchContext: string,
    input: string,
    limit: number,
  ): Promise<unknown[]>;
}
declare module 'cf-search-local-client/utils/processTreeStatusOfSearchResults' {
  export function processTreeStatusOfSearchResults(results: unknown[]): void;
}
