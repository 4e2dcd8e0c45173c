/**
 * The playground's outcome table (generator/outcome-marks.ts), read off a run at docs generation: for every
 * passed scenario with an end state, the situation it ended in, and for each thing a person sees there, what the
 * scenario's asserted lines that state it rest on (generator/evidence.ts: the register's classification, true by
 * value), merged over the scenarios that end in the same situation. A statement rests on the union of what its
 * lines rest on, so one assumption among them makes it assumed; and the words it quotes from the screen must be
 * in the source too (features/claim-rules.ts), else they are the model's wording (the notices' and pop-ups'
 * assumption) or, with no such assumption, the claims do not vouch for it. Something a scenario showed but no line of it
 * checked is left out: the playground marks it as the model's answer.
 */
import { parseDuration } from '../model/clock';
import type { Register } from '../features/claims-register';
import { valuesNotInSource } from '../features/claim-rules';
import { evidenceOf, evidenceRegister } from './evidence';
import { situationOf, type OutcomeTable } from './outcome-marks';
import { scenariosOf, type FeatureDoc } from './run';
import { markOf } from './statement-marks';
import { PEOPLE } from './what-people-see';

type Basis = { claims: Set<string>; assumptions: Set<string> };

export class OutcomeTableBuilder {
  private readonly bases = new Map<string, Map<string, Basis>>();
  private scenarios = 0;

  constructor(private readonly register: Register = evidenceRegister()) {}

  /** Reads one feature's scenarios (as the run hands each feature over). */
  observe(feature: FeatureDoc): void {
    for (const scenario of scenariosOf(feature)) {
      const view = scenario.endState;
      if (scenario.status !== 'passed' || !view || !scenario.trace) continue;
      this.scenarios++;
      const situation = situationOf(scenario.trace.events, scenario.trace.parameters, parseDuration(view.clock)).key;
      const evidence = evidenceOf(scenario, this.register);
      const seenHere = this.bases.get(situation) ?? new Map<string, Basis>();
      for (const { sees } of PEOPLE) {
        for (const seen of sees(view)) {
          const basis = seenHere.get(seen.text) ?? { claims: new Set<string>(), assumptions: new Set<string>() };
          scenario.steps.forEach((step, i) => {
            const e = evidence[i];
            if (!e || !seen.states(step)) return;
            if (e.kind === 'source') for (const claim of e.claims) basis.claims.add(claim.id);
            else if (e.kind === 'assumed') basis.assumptions.add(e.assumption.id);
          });
          // True by value: words on the screen the source does not have are the model's, never the source's.
          if (basis.claims.size && valuesNotInSource(this.register, seen.values ?? []).length) {
            if (seen.wording) basis.assumptions.add(seen.wording);
            else basis.claims.clear();
          }
          if (basis.claims.size + basis.assumptions.size > 0) seenHere.set(seen.text, basis);
        }
      }
      if (seenHere.size) this.bases.set(situation, seenHere);
    }
  }

  finish(): OutcomeTable {
    const marks: OutcomeTable['marks'][number][] = [];
    const index = new Map<string, number>();
    const situations: Record<string, Record<string, number>> = {};
    for (const [situation, seen] of [...this.bases].sort(([a], [b]) => a.localeCompare(b))) {
      situations[situation] = {};
      for (const [text, basis] of seen) {
        const mark = markOf({ claims: [...basis.claims], assumptions: [...basis.assumptions] }, this.register, text);
        if (!index.has(mark.html)) index.set(mark.html, marks.push(mark) - 1);
        situations[situation][text] = index.get(mark.html)!;
      }
    }
    return { marks, situations, scenarios: this.scenarios };
  }
}

/** The table of a whole run's features. */
export function outcomeTable(features: readonly FeatureDoc[], register?: Register): OutcomeTable {
  const builder = new OutcomeTableBuilder(register);
  for (const feature of features) builder.observe(feature);
  return builder.finish();
}
