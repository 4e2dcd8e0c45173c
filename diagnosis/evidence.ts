/**
 * What a situation predicts rests on, and where to act from: the source's sections whose servers are the ones
 * down (its "Failure" sections) or back (its "Restored" sections), read off the evidence register's section
 * names; a combination the source does not show rests on the failure-orderings assumption. The runbook is the
 * feature page whose scenarios illustrate most of those claims. Node only: it is run at docs generation.
 */
import { ROUTES, claimAnchor } from '../generator/routes';
import { markedStatement } from '../generator/statement-marks';
import { SERVERS } from '../model/servers';
import type { Register } from '../features/claims-register';
import type { EvidenceMark, SituationInfo } from './index-format';
import type { SituationSummary } from './situation';

export type { Register };

/** The assumption an ordering or combination the source does not show rests on. */
export const ORDERINGS_ASSUMPTION = 'failure-orderings';

const assumptionHref = (id: string): string => `${ROUTES.assumptions}/#assumption-${id}`;

function rolesOf(section: string): string {
  return SERVERS.filter((role) => new RegExp(`\\b${role}\\b`).test(section))
    .sort()
    .join('+');
}

const setOf = (servers: readonly { readonly server: string }[]): string =>
  [...new Set(servers.map((s) => s.server))].sort().join('+');

/** The register's sections about exactly these servers, failing (`Failure`) or restored (`Restored`). */
function sections(register: Register, servers: string, kind: 'Failure' | 'Restored'): string[] {
  const names = [...new Set(register.claims.map((c) => c.section))];
  return names.filter((name) => name.endsWith(kind) && rolesOf(name) === servers);
}

export function evidenceOf(summary: SituationSummary, register: Register): EvidenceMark[] {
  if (summary.failed === 0) return [];
  const wanted = [
    ...(summary.down.length ? sections(register, setOf(summary.down), 'Failure') : []),
    ...(summary.back.length ? sections(register, setOf(summary.back), 'Restored') : []),
  ];
  const shown = (summary.down.length ? 1 : 0) + (summary.back.length ? 1 : 0);
  const marks: EvidenceMark[] = register.claims
    .filter((claim) => wanted.includes(claim.section) && !claim.premise)
    .map((claim) => ({
      kind: 'source',
      id: claim.id,
      text: claim.source.replace(/\*\*/g, ''),
      href: `${ROUTES.claims}/#${claimAnchor(claim.id)}`,
    }));
  if (wanted.length < shown) {
    const assumption = register.assumptions.find((a) => a.id === ORDERINGS_ASSUMPTION);
    if (!assumption) throw new Error(`features/claims.json has no assumption "${ORDERINGS_ASSUMPTION}"`);
    marks.push({ kind: 'assumed', id: assumption.id, text: assumption.statement, href: assumptionHref(assumption.id) });
  }
  return marks;
}

/** Per list of features: each one's words (text between white space) with how often each occurs, by name. */
const wordCounts = new WeakMap<BuildFeatures, { feature: BuildFeatures[number]; words: Map<string, number> }[]>();

/** The feature file with the most scenario tags among `tags` (ties: the first by name), or null. */
function featureTagging(features: BuildFeatures, tags: readonly string[]): BuildFeatures[number] | null {
  let counted = wordCounts.get(features);
  if (!counted) {
    counted = [...features]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((feature) => {
        const words = new Map<string, number>();
        for (const word of feature.text.split(/\s+/)) words.set(word, (words.get(word) ?? 0) + 1);
        return { feature, words };
      });
    wordCounts.set(features, counted);
  }
  let best: BuildFeatures[number] | null = null;
  let most = 0;
  for (const { feature, words } of counted) {
    const count = tags.reduce((n, tag) => n + (words.get(tag) ?? 0), 0);
    if (count > most) [best, most] = [feature, count];
  }
  return best;
}

type BuildFeatures = readonly { readonly name: string; readonly text: string }[];

export function runbookOf(
  summary: SituationSummary,
  register: Register,
  features: BuildFeatures,
): SituationInfo['runbook'] {
  const failed = setOf([...summary.down, ...summary.back]);
  const claimed = [...sections(register, failed, 'Failure'), ...sections(register, failed, 'Restored')];
  const tags = claimed.length
    ? register.claims.filter((c) => claimed.includes(c.section)).map((c) => `@${c.id}`)
    : [`@assumed-${ORDERINGS_ASSUMPTION}`];
  const feature = summary.failed === 0 ? null : featureTagging(features, tags);
  if (!feature) return null;
  const title = /^Feature:\s*(.+)$/m.exec(feature.text)?.[1]?.trim() ?? feature.name;
  return { title, href: `/features/${feature.name.replace(/_/g, '-')}/` };
}

/** The situation's sentence with the mark every generated surface gives a statement (generator/statement-marks.ts). */
export function markedSituation(
  summary: SituationSummary,
  marks: readonly EvidenceMark[],
  register: Register,
): string | null {
  if (!marks.length) return null;
  const of = (kind: EvidenceMark['kind']) => marks.filter((m) => m.kind === kind).map((m) => m.id);
  return markedStatement(summary.text, { claims: of('source'), assumptions: of('assumed') }, register);
}
