/**
 * What each asserted line of a scenario rests on, as the reader sees it on the page: *from the source*, with
 * the claim and the source's own sentence, or *assumed*, with the model's assumption, its rationale and the
 * parameter it depends on (and that parameter's value in the run). A line that is neither is marked as such;
 * test/unit/features/claims.test.ts keeps the specification free of them. The classification is the register's
 * (features/claims-register.ts), so the page and the test cannot disagree.
 *
 * Also the Assumptions page: every assumption with the scenarios that rely on it.
 */
import {
  assertionFlags,
  classifyScenario,
  loadRegister,
  type Assumption,
  type Evidence,
  type Register,
} from '../features/claims-register';
import { valuesNotInSource } from '../features/claim-rules';
import { htmlAttribute, htmlText, markdownText } from './escape';
import { PHASE_ASSUMPTION } from './chat-phases';
import { claimAnchor, ROUTES } from './routes';
import { scenariosOf, type FeatureDoc, type ScenarioDoc } from './run';
import type { Seen } from './what-people-see';

let register: Register | null = null;

/** The register the pages are marked against: claims.json, read once per process. */
export function evidenceRegister(): Register {
  register ??= loadRegister();
  return register;
}

export const assumptionAnchor = (id: string): string => `assumption-${id}`;

/** For each step of the scenario: its evidence if it is an assertion (a Then line), else null. */
export function evidenceOf(scenario: ScenarioDoc, reg: Register = evidenceRegister()): (Evidence | null)[] {
  const flags = assertionFlags(scenario.steps.map((s) => (s.hook ? 'Hook' : s.keyword)));
  return classifyScenario(
    reg,
    scenario.tags,
    scenario.steps.map((step, i) => ({
      outcome: flags[i]! && !step.hook,
      text: step.text,
      docString: step.docString,
      dataTable: step.dataTable,
    })),
  );
}

/** What a statement rests on: the ids of the claims and assumptions behind it. */
export interface Basis {
  readonly claims: Set<string>;
  readonly assumptions: Set<string>;
}

/**
 * Adds to `basis` what the scenario's asserted lines that state `seen` rest on, true by value: the words it quotes
 * from the screen must be in the source too (features/claim-rules.ts), else they are the model's wording (`seen`'s
 * wording assumption, which makes the statement assumed) or, with no such assumption, the claims do not vouch for
 * it. Every surface that states what people see (the "In an outage" tables, the playground's outcome table) marks
 * it through this one rule.
 */
export function addSeenBasis(
  basis: Basis,
  seen: Seen,
  scenario: ScenarioDoc,
  evidence: readonly (Evidence | null)[],
  reg: Register = evidenceRegister(),
): void {
  const claims = new Set<string>();
  scenario.steps.forEach((step, i) => {
    const e = evidence[i];
    if (!e || !seen.states(step)) return;
    if (e.kind === 'source') for (const claim of e.claims) claims.add(claim.id);
    else if (e.kind === 'assumed') basis.assumptions.add(e.assumption.id);
  });
  if (claims.size && valuesNotInSource(reg, seen.values ?? []).length) {
    if (!seen.wording) return;
    basis.assumptions.add(seen.wording);
  }
  for (const id of claims) basis.claims.add(id);
}

/**
 * What a scenario as a whole rests on, for a surface that states it in one line (a list of scenarios, a cell of
 * the outage summary): the claims its lines are marked with and the assumptions its lines rest on.
 */
export function scenarioBasis(
  scenario: ScenarioDoc,
  reg: Register = evidenceRegister(),
): { claims: string[]; assumptions: string[] } {
  const claims = new Set<string>();
  const assumptions = new Set<string>();
  for (const evidence of evidenceOf(scenario, reg)) {
    if (evidence?.kind === 'source') for (const claim of evidence.claims) claims.add(claim.id);
    else if (evidence?.kind === 'assumed') assumptions.add(evidence.assumption.id);
  }
  return { claims: [...claims], assumptions: [...assumptions] };
}

function parameterNote(assumption: Assumption, scenario: ScenarioDoc): string {
  if (!assumption.parameter) return '';
  const value = scenario.trace?.parameters[assumption.parameter];
  return ` <span class="cf-evidence-parameter">${htmlText(
    `parameter ${assumption.parameter}${value === undefined ? '' : ` = ${value} s in this run`}`,
  )}</span>`;
}

/**
 * The mark under one asserted line. An assumption is explained once per scenario: `explained` holds the ids of
 * the assumptions already explained above in it (the caller's, one set per scenario), and a later line that
 * rests on one gets a short mark naming it and linking to its entry, so a page does not repeat the same block
 * after every line it marks.
 */
export function evidenceMark(evidence: Evidence, scenario: ScenarioDoc, explained?: Set<string>): string {
  if (evidence.kind === 'assumed' && explained) {
    const { id } = evidence.assumption;
    if (explained.has(id)) {
      return `<div class="cf-evidence cf-evidence-assumed"><span class="cf-evidence-label">${htmlText(
        'Assumed',
      )}</span> <a class="cf-tag cf-tag-inferred" href="${htmlAttribute(`${ROUTES.assumptions}#${assumptionAnchor(id)}`)}">${htmlText(
        id,
      )}</a> ${htmlText('(explained at its first line above)')}</div>`;
    }
    explained.add(id);
  }
  return fullMark(evidence, scenario);
}

function fullMark(evidence: Evidence, scenario: ScenarioDoc): string {
  switch (evidence.kind) {
    case 'source':
      return `<div class="cf-evidence cf-evidence-source"><span class="cf-evidence-label">${htmlText(
        'From the source',
      )}</span>${evidence.claims
        .map(
          (claim) =>
            ` <a class="cf-tag cf-tag-claim" href="${htmlAttribute(`${ROUTES.claims}#${claimAnchor(claim.id)}`)}">${htmlText(
              claim.id,
            )}</a> <q class="cf-evidence-quote">${htmlText(claim.source.replace(/\*\*/g, ''))}</q>`,
        )
        .join('')}</div>`;
    case 'assumed': {
      const { assumption } = evidence;
      return `<div class="cf-evidence cf-evidence-assumed"><span class="cf-evidence-label">${htmlText(
        'Assumed',
      )}</span> <a class="cf-tag cf-tag-inferred" href="${htmlAttribute(
        `${ROUTES.assumptions}#${assumptionAnchor(assumption.id)}`,
      )}">${htmlText(assumption.id)}</a> ${htmlText(assumption.statement)}${parameterNote(
        assumption,
        scenario,
      )} <span class="cf-evidence-why">${htmlText(`Why: ${assumption.rationale}`)}</span></div>`;
    }
    case 'unclassified':
      return `<div class="cf-evidence cf-evidence-neither"><span class="cf-evidence-label">${htmlText(
        'Neither from the source nor a named assumption',
      )}</span> ${htmlText(
        `No claim or assumption this scenario names covers this line (the claims test fails on it).${
          evidence.refused.length ? ` ${evidence.refused.join(' ')}` : ''
        }`,
      )}</div>`;
  }
}

/** A one-line key to the marks, for the top of a feature page. */
export const EVIDENCE_KEY = `<p class="cf-muted cf-evidence-key">${htmlText(
  'Every asserted line (Then, And, But) is marked: “From the source”, with the claim and the source’s own sentence, or “Assumed”, with what the model assumes where the source is silent and why.',
)}</p>`;

const PHASE_ROWS_NOTE = `<p>${htmlText(
  'The runbooks’ impact-by-chat-phase rows, and the at-a-glance page’s impact by chat phase, rest on it.',
)}</p>`;

/** The Assumptions page: each of the model's assumptions, its rationale and parameter, and who relies on it. */
export function assumptionsPage(features: readonly FeatureDoc[], reg: Register = evidenceRegister()): string {
  const users = new Map<string, { feature: FeatureDoc; scenario: ScenarioDoc }[]>();
  for (const feature of features) {
    for (const scenario of scenariosOf(feature)) {
      const ids = new Set(evidenceOf(scenario, reg).flatMap((e) => (e?.kind === 'assumed' ? [e.assumption.id] : [])));
      for (const id of ids) users.set(id, [...(users.get(id) ?? []), { feature, scenario }]);
    }
  }
  // The assumptions the runbooks' impact-by-chat-phase rows rest on (generator/chat-phases.ts), not a scenario;
  // read here, not when this module loads: chat-phases.ts imports, through outage-summary.ts, this module.
  const phaseRows = new Set<string>(Object.values(PHASE_ASSUMPTION));
  const out = [
    markdownText(
      'Where the source is silent, the model still gives one defined answer, so that every ordering of failures has an outcome. Each such answer is named here, with its reason and, where a duration or a choice is involved, the model parameter that sets it. Scenario pages mark every line that rests on one as “Assumed”; treat those lines as predictions to confirm in a lab.',
    ),
  ];
  for (const assumption of reg.assumptions) {
    const relying = users.get(assumption.id) ?? [];
    out.push(`## ${markdownText(assumption.id)} {#${assumptionAnchor(assumption.id)}}`);
    out.push(
      `<p>${htmlText(assumption.statement)}</p><p class="cf-muted">${htmlText(`Why: ${assumption.rationale}`)}</p>${
        assumption.parameter ? `<p>${htmlText(`Model parameter: ${assumption.parameter}`)}</p>` : ''
      }${phaseRows.has(assumption.id) ? PHASE_ROWS_NOTE : ''}<p>${htmlText(relying.length ? 'Scenarios that rely on it:' : 'No scenario of this run relies on it.')}</p>${
        relying.length
          ? `<ul>${relying
              .map(
                ({ feature, scenario }) =>
                  `<li><a href="${htmlAttribute(`/${feature.page}#${scenario.anchor}`)}">${htmlText(
                    `${feature.name}: ${scenario.name}`,
                  )}</a></li>`,
              )
              .join('')}</ul>`
          : ''
      }`,
    );
  }
  return out.join('\n\n') + '\n';
}
