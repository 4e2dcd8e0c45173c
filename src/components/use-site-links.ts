/** The page's hook for `siteLinks` (./site-links.ts), with this site's base URL and trailing-slash setting. */
import { useCallback } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { siteLinks } from './site-links';

export function useSiteLinks(): (html: string) => string {
  const { baseUrl, trailingSlash } = useDocusaurusContext().siteConfig;
  return useCallback((html: string) => siteLinks(html, baseUrl, trailingSlash), [baseUrl, trailingSlash]);
}
