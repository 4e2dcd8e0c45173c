/**
 * The top of a feature page, for an engineer in an outage: per rule, what the customer sees, what the agent sees
 * and what to do, read off the rule's scenarios as they ran (their end states and their plans), each linking to
 * the rule. Nothing here is written by hand: a cell says only what some scenario of the rule showed and one of
 * its asserted lines checked, and each statement is marked with what those lines rest on (generator/evidence.ts),
 * so a reader tells the source's from the model's here as on the scenario pages. What a run showed but no line
 * checked is left out: nothing vouches for it.
 */
import { matchesCheck, type Evidence } from '../features/claims-register';
import type { Action } from '../model/actions';
import { htmlText } from './escape';
import { evidenceOf, evidenceRegister, scenarioBasis } from './evidence';
import type { FeatureDoc, RuleDoc, ScenarioDoc } from './run';
import { markedStatement, STATEMENTS_ATTRIBUTE, type StatementBasis } from './statement-marks';
import { agentSees, customerSees, type Seen } from './what-people-see';

/** A recovery step as an instruction, and the shape of the Gherkin steps that take it. */
interface Recovery {
  readonly text: string;
  readonly step: RegExp;
}

/** The recovery steps a scenario takes after its first failure, as instructions. */
function recoverySteps(plan: readonly Action[]): Recovery[] {
  const failed = plan.findIndex((action) => action.type === 'fail');
  if (failed < 0) return [];
  return plan.slice(failed + 1).flatMap((action): Recovery[] => {
    switch (action.type) {
      case 'restore':
        return [
          { text: `restore the ${action.server} server`, step: new RegExp(`\\b${action.server}\\b.* restored$`) },
        ];
      case 'agent-logs-out':
        return [{ text: 'the agent logs out', step: / logs out$/ }];
      case 'agent-logs-in':
        return [{ text: 'the agent logs back in', step: / logs (back )?in$/ }];
      case 'agent-completes-chat':
        return [{ text: 'the agent completes the chat', step: /completes the chat$/ }];
      case 'customer-starts-chat':
        return [{ text: 'the customer starts a new chat', step: /starts a new chat/ }];
      default:
        return [];
    }
  });
}

/**
 * What a recovery step rests on: the claims of the scenario whose source shows that step (a claim stated after
 * the restoration, an instruction such as "Agent must log out."); else, and always in an @inferred scenario,
 * everything the scenario rests on.
 */
function recoveryBasis(scenario: ScenarioDoc, recovery: Recovery): StatementBasis {
  const register = evidenceRegister();
  const taken = scenario.steps.filter((s) => !s.hook && recovery.step.test(s.text));
  const claims = scenario.inferred
    ? []
    : register.claims.filter(
        (claim) =>
          scenario.tags.includes(`@${claim.id}`) &&
          [...(claim.after ?? []), ...(claim.requires ?? []), ...(claim.shownBy ? [claim.shownBy] : [])].some(
            (pattern) => taken.some((s) => matchesCheck(pattern, s.text)),
          ),
      );
  return claims.length ? { claims: claims.map((c) => c.id) } : scenarioBasis(scenario);
}

/** A statement with the claims and assumptions of every line that states it, merged over the scenarios. */
class Statements {
  private readonly bases = new Map<string, { claims: Set<string>; assumptions: Set<string> }>();

  add(text: string, evidence: readonly (Evidence | null)[], lines: readonly boolean[]): void {
    const basis = this.bases.get(text) ?? { claims: new Set<string>(), assumptions: new Set<string>() };
    evidence.forEach((e, i) => {
      if (!lines[i] || e === null) return;
      if (e.kind === 'source') for (const claim of e.claims) basis.claims.add(claim.id);
      else if (e.kind === 'assumed') basis.assumptions.add(e.assumption.id);
    });
    if (basis.claims.size + basis.assumptions.size > 0) this.bases.set(text, basis);
  }

  addBasis(text: string, from: StatementBasis): void {
    const basis = this.bases.get(text) ?? { claims: new Set<string>(), assumptions: new Set<string>() };
    for (const id of from.claims ?? []) basis.claims.add(id);
    for (const id of from.assumptions ?? []) basis.assumptions.add(id);
    if (basis.claims.size + basis.assumptions.size > 0) this.bases.set(text, basis);
  }

  cell(none: string): string {
    if (this.bases.size === 0) return `<span class="cf-muted">${htmlText(none)}</span>`;
    return `<ul class="cf-outage-list" ${STATEMENTS_ATTRIBUTE}>${[...this.bases]
      .map(
        ([text, basis]) =>
          `<li>${markedStatement(text, { claims: [...basis.claims], assumptions: [...basis.assumptions] })}</li>`,
      )
      .join('')}</ul>`;
  }
}

/** The summary's columns after the rule's: their headings, which label each cell of a card at phone width. */
const COLUMNS = ['What the customer sees', 'What the agent sees', 'What to do'] as const;

function row(title: string, anchor: string, scenarios: readonly ScenarioDoc[]): string {
  const [customer, agent, todo] = [new Statements(), new Statements(), new Statements()];
  for (const scenario of scenarios) {
    const evidence = evidenceOf(scenario);
    const record = (into: Statements, seen: readonly Seen[]) => {
      for (const item of seen) into.add(item.text, evidence, scenario.steps.map(item.states));
    };
    if (scenario.endState) {
      record(customer, customerSees(scenario.endState));
      record(agent, agentSees(scenario.endState));
    }
    for (const recovery of scenario.plan ? recoverySteps(scenario.plan) : [])
      todo.addBasis(recovery.text, recoveryBasis(scenario, recovery));
  }
  const [customerColumn, agentColumn, todoColumn] = COLUMNS;
  return [
    `<tr><th scope="row"><a href="#${htmlText(anchor)}">${htmlText(title)}</a></th>`,
    `<td data-label="${customerColumn}">${customer.cell('no line of these scenarios checks what the customer sees')}</td>`,
    `<td data-label="${agentColumn}">${agent.cell('no line of these scenarios checks what the agent sees')}</td>`,
    `<td data-label="${todoColumn}">${todo.cell('no recovery step in these scenarios')}</td></tr>`,
  ].join('');
}

/** The outage summary of a feature page, or null when no rule or scenario has an end state to read. */
export function outageSummary(feature: FeatureDoc): string | null {
  const rows = feature.children
    .map((child: RuleDoc | ScenarioDoc) =>
      child.kind === 'rule'
        ? { title: child.name, anchor: child.anchor, scenarios: child.scenarios }
        : { title: child.name, anchor: child.anchor, scenarios: [child] },
    )
    .filter((r) => r.scenarios.some((s) => s.endState));
  if (rows.length === 0) return null;
  return [
    `<div class="cf-outage"><table class="cf-outage-table"><caption>${htmlText(
      'In an outage, rule by rule: what each person sees at the end of the rule’s scenarios (as their lines check it) and the recovery steps they take, each marked “source” or “assumed”',
    )}</caption><thead><tr><th scope="col">Rule</th>${COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody>`,
    ...rows.map((r) => row(r.title, r.anchor, r.scenarios)),
    '</tbody></table></div>',
  ].join('');
}
