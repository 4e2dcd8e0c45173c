/** Reads the claims register (claims.json): each observable statement of the source, with a stable id. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Claim {
  readonly id: string;
  readonly section: string;
  readonly statement: string;
  /** The source marks the behaviour as incorrect; scenarios covering it carry @known-defect. */
  readonly defect?: boolean;
}

/** A tag that names a claim: @APP-F1, @SVC-R2, @PRE-1 ... */
export const CLAIM_TAG = /^@[A-Z]+-[A-Z]*\d+$/;

/** Tags with a meaning of their own. Each changes nothing about how a scenario runs. */
export const OTHER_TAGS: readonly string[] = ['@known-defect', '@inferred', '@regression', '@invariants'];

export const CLAIMS_FILE = join(__dirname, 'claims.json');

export function loadClaims(file = CLAIMS_FILE): Claim[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { claims?: unknown };
  if (!Array.isArray(data.claims)) throw new Error(`${file}: expected an object with a "claims" array`);
  return data.claims.map((claim: Partial<Claim>, index: number) => {
    if (typeof claim.id !== 'string' || typeof claim.section !== 'string' || typeof claim.statement !== 'string') {
      throw new Error(`${file}: claim ${index + 1} needs a string id, section and statement`);
    }
    return claim as Claim;
  });
}
