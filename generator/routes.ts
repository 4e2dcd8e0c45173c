/** Where the generated pages live on the site, so that pages and hand-written docs link to one place. */
export const ROUTES = {
  claims: '/claims',
  assumptions: '/assumptions',
  summary: '/last-run',
  invariants: '/invariants',
  performance: '/performance',
  changes: '/changes',
  history: '/history',
  knownDefects: '/known-defects',
  inferred: '/inferred',
  /** Hand-written: docs/sources.md. */
  sources: '/sources',
  reportsHtml: '/reports/cucumber.html',
  reportsJunit: '/reports/junit.xml',
  reportsBench: '/reports/bench.json',
} as const;

/** The anchor of a claim on the claims page: `APP-F1` → `claim-app-f1`. */
export function claimAnchor(id: string): string {
  return `claim-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
