/**
 * The diagnosis index as written at docs generation (static/diagnosis/index.json) and read by the page and by
 * `npm run diagnose`: what people see → the failure histories that produce it, with the shortest plan to each.
 */
import type { Action } from '../model/actions';
import type { Observation } from './observations';

export interface EvidenceMark {
  readonly kind: 'source' | 'assumed';
  /** The claim's or the assumption's id. */
  readonly id: string;
  /** The source's own sentence, or the assumption's statement. */
  readonly text: string;
  /** Where the site explains it (the claims or assumptions page, at its anchor). */
  readonly href: string;
}

export interface SituationInfo {
  readonly key: string;
  readonly text: string;
  readonly failed: number;
  readonly length: number;
  /** The page to act from: the runbook of the failure (the feature page of those servers, until runbooks exist). */
  readonly runbook: { readonly title: string; readonly href: string } | null;
  readonly evidence: readonly EvidenceMark[];
  /** `text` as HTML with its source/assumed mark (generator/statement-marks.ts); `null` when nothing failed. */
  readonly statement: string | null;
}

export interface DiagnosisIndex {
  /** A digest of the sources it was built from (scripts/diagnosis-index.ts), so an unchanged index is reused. */
  readonly sources?: string;
  readonly bounds: readonly string[];
  readonly servers: readonly string[];
  /** The model's thresholds (s) where one band of outage length ends, and the parameters that set them. */
  readonly thresholds: readonly { readonly seconds: number; readonly parameters: readonly string[] }[];
  readonly rankingRule: string;
  readonly observations: readonly Observation[];
  readonly situations: readonly SituationInfo[];
  readonly actions: readonly Action[];
  /** Plan steps as a tree: node i is `[parent node or -1, action index]`. */
  readonly plans: readonly (readonly [number, number])[];
  /** One per pair seen: [observations as a hexadecimal bit mask, situation index, the shortest plan's last node]. */
  readonly entries: readonly (readonly [string, number, number])[];
  readonly explored: { readonly states: number; readonly transitions: number; readonly milliseconds: number };
  /** Situations no set of observations singles out: some other situation is consistent with each of theirs. */
  readonly indistinguishable: readonly number[];
}
