/**
 * Pages about the run as a whole: the claims register with what covers each claim, the failure-ordering
 * exploration's invariants, and the run summary: the only page that carries what changes from one run of the
 * same specification to the next (its date, commit and timings).
 */
import type { ExplorationReport } from '../exploration/report';
import { htmlText, markdownText, numberText } from './escape';
import { formatMillis, scenarioCountLine, statusBadge, STATUS_LABEL } from './feature-page';
import { claimAnchor, ROUTES } from './routes';
import { anchorFor } from './slug';
import { scenarioTimings } from './list-pages';
import { scenariosOf, type Claim, type RunDoc, type Status } from './run';
import { claimLaws, stateSpaceSections } from './state-space-pages';

export function claimsPage(run: RunDoc): string {
  const out: string[] = [];
  const uncovered = run.claims.filter((c) => c.scenarios.length === 0);
  const failing = run.claims.filter((c) => c.scenarios.length > 0 && c.status !== 'passed');
  out.push(
    markdownText(
      `Each observable statement of the lab write-up has an id (its tag in the features). ${run.claims.length} claims: ${
        run.claims.length - uncovered.length
      } covered by at least one scenario, ${uncovered.length} uncovered, ${failing.length} covered by a scenario that did not pass.`,
    ),
  );
  if (run.unknownClaimTags.length) {
    out.push(
      [
        ':::warning[Tags that name no claim]',
        markdownText(run.unknownClaimTags.map((t) => `@${t}`).join(', ')),
        ':::',
      ].join('\n'),
    );
  }
  const sections: string[] = [];
  for (const c of run.claims) if (!sections.includes(c.claim.section)) sections.push(c.claim.section);
  for (const section of sections) {
    out.push(`## ${markdownText(section)} {#${anchorFor(section, 'section')}}`);
    const items = run.claims
      .filter((c) => c.claim.section === section)
      .map((c) => {
        const list = `<ul class="cf-covering">${c.scenarios
          .map(
            ({ feature, scenario }) =>
              `<li>${statusBadge(scenario.status)} <a href="/${feature.page}#${scenario.anchor}">${htmlText(
                scenario.name,
              )}</a> <span class="cf-muted">${htmlText(feature.name)}</span></li>`,
          )
          .join('')}</ul>`;
        // A claim most scenarios cover (the premise) folds its long list away.
        const covering =
          c.scenarios.length === 0
            ? `<div class="cf-uncovered">${htmlText('Not covered: no scenario in this run carries this tag.')}</div>`
            : c.scenarios.length > 6
              ? `<details class="cf-details"><summary>${htmlText(
                  `Covered by ${c.scenarios.length} scenarios: ${scenarioCountLine(c.scenarios.map((x) => x.scenario))}`,
                )}</summary>${list}</details>`
              : list;
        const defect = c.claim.defect
          ? ` <span class="cf-tag cf-tag-defect">${htmlText('incorrect behaviour (known defect)')}</span>`
          : '';
        return `<li class="cf-claim" id="${claimAnchor(c.claim.id)}"><div class="cf-claim-head">${statusBadge(
          c.scenarios.length ? c.status : 'not run',
        )} <span class="cf-claim-id">${htmlText(c.claim.id)}</span>${defect}</div><div class="cf-claim-statement">${htmlText(
          c.claim.statement,
        )}</div>${facetList(c.claim)}${covering}${claimLaws(run.exploration?.stateSpace, c.claim.id)}</li>`;
      });
    out.push(`<ul class="cf-claims">${items.join('')}</ul>`);
  }
  return out.join('\n\n') + '\n';
}

/** A "similar to" or "combination" claim, facet by facet: the same here (checked through it) or differing, and why. */
function facetList(claim: Claim): string {
  if (!claim.facets?.length) return '';
  return `<details class="cf-details"><summary>${htmlText('Facet by facet')}</summary><ul class="cf-facets">${claim.facets
    .map(
      (facet) =>
        `<li><a href="#${claimAnchor(facet.claim)}">${htmlText(facet.claim)}</a> ${htmlText(
          facet.differs === undefined ? 'the same here: checked through this claim' : `differs: ${facet.differs}`,
        )}</li>`,
    )
    .join('')}</ul></details>`;
}

export function invariantsPage(report: ExplorationReport | null): string {
  const out: string[] = [];
  if (!report) {
    out.push(
      [
        ':::info[Not run]',
        'The last run attached no exploration report, so the failure-ordering exploration was **not run**. It is attached by the invariants feature (`features/invariants.feature`); run the whole specification with `npm run spec` and generate the pages again.',
        ':::',
      ].join('\n'),
    );
    return out.join('\n\n') + '\n';
  }
  const { exhaustive: ex, random: rnd } = report;
  const violated = report.invariants.filter((i) => i.violations > 0);
  out.push(
    markdownText(
      `The exploration fails servers and brings them back in every order, then in random orders, and checks after every step that the invariants below hold. ${
        violated.length ? `${violated.length} invariants were violated.` : 'No invariant was violated.'
      }`,
    ),
  );
  out.push('## What was checked {#what-was-checked}');
  out.push(
    `<table class="cf-table"><thead><tr><th>Invariant</th><th>Why it must hold</th><th>Violations</th></tr></thead><tbody>${report.invariants
      .map(
        (i) =>
          `<tr><td>${htmlText(i.name)}</td><td>${htmlText(i.explanation)}</td><td>${
            i.violations
              ? `<span class="cf-badge cf-badge-failed">${htmlText(numberText(i.violations, `violations of ${i.name}`))}</span>`
              : '<span class="cf-badge cf-badge-passed">0</span>'
          }</td></tr>`,
      )
      .join('')}</tbody></table>`,
  );
  out.push('## Every ordering {#every-ordering}');
  out.push(
    keyValues([
      ['Complete orderings checked', `${ex.orderingsChecked} of ${ex.orderingsTotal}`],
      ['Partial outages (prefixes) checked', String(ex.prefixesChecked)],
      ['Sets of servers down together', `${ex.serverStatesVisited} of ${ex.serverStatesTotal}`],
      ['Steps executed', String(ex.stepsExecuted)],
    ]),
  );
  out.push('## Random orderings {#random-orderings}');
  out.push(
    keyValues([
      ['Seed', String(rnd.seed)],
      ['Runs', String(rnd.runs)],
      ['Steps executed', String(rnd.stepsExecuted)],
      ['Complete orderings reached', String(rnd.orderingsReached)],
      ['Sets of servers down together reached', String(rnd.serverStatesReached)],
    ]),
  );
  out.push(
    `<p class="cf-muted">${htmlText('How long each phase took is on the ')}<a href="${ROUTES.summary}#timings">${htmlText(
      'last run',
    )}</a>${htmlText(' page, with the run’s other timings.')}</p>`,
  );
  out.push(...stateSpaceSections(report.stateSpace));
  out.push('## Does the order of failures matter? {#order-sensitivity}');
  out.push(
    `<table class="cf-table"><thead><tr><th>Servers failed together</th><th>Order matters</th><th>Orderings grouped by what people see</th></tr></thead><tbody>${report.orderSensitivity
      .map(
        (o) =>
          `<tr><td>${htmlText(o.servers.join(', '))}</td><td>${htmlText(o.orderMatters ? 'yes' : 'no')}</td><td>${
            o.groups.length
              ? o.groups
                  .map(
                    (group) =>
                      `<div class="cf-group">${htmlText(group.map((ordering) => ordering.join(' → ')).join(' | '))}</div>`,
                  )
                  .join('')
              : htmlText('all orderings end the same')
          }</td></tr>`,
      )
      .join('')}</tbody></table>`,
  );
  return out.join('\n\n') + '\n';
}

function keyValues(rows: readonly (readonly [string, string])[]): string {
  return `<table class="cf-table cf-key-values"><tbody>${rows
    .map(([k, v]) => `<tr><th>${htmlText(k)}</th><td>${htmlText(v)}</td></tr>`)
    .join('')}</tbody></table>`;
}

export interface ReportLinks {
  readonly html: boolean;
  readonly junit: boolean;
}

export function summaryPage(run: RunDoc, reports: ReportLinks): string {
  const scenarios = run.features.flatMap((f) => scenariosOf(f).map((s) => ({ feature: f, scenario: s })));
  const steps = scenarios.flatMap(({ scenario }) => scenario.steps.filter((s) => !s.hook));
  const stepCounts = new Map<Status, number>();
  for (const s of steps) stepCounts.set(s.status, (stepCounts.get(s.status) ?? 0) + 1);
  const out: string[] = [];
  out.push(
    `<div class="cf-run-result ${run.success ? 'cf-run-passed' : 'cf-run-failed'}">${htmlText(
      run.success
        ? 'The specification passed.'
        : 'The specification did not pass: failed scenarios are listed below and shown on their pages.',
    )}</div>`,
  );
  out.push(
    keyValues([
      ['Scenarios', `${scenarios.length}: ${scenarioCountLine(scenarios.map((s) => s.scenario)) || 'none'}`],
      [
        'Steps',
        `${steps.length}: ${[...stepCounts.entries()].map(([status, n]) => `${n} ${STATUS_LABEL[status]}`).join(', ') || 'none'}`,
      ],
      ['Features', String(run.features.length)],
      ['Claims covered', `${run.claims.filter((c) => c.scenarios.length).length} of ${run.claims.length}`],
      ['Duration', formatMillis(run.milliseconds)],
      ['Started', run.startedAt ?? 'unknown'],
      ['Commit', run.commit ?? 'unknown'],
      ['Runner', run.cucumberVersion],
    ]),
  );
  if (run.exploration) {
    const { exhaustive, random } = run.exploration;
    out.push('## Timings {#timings}');
    out.push(
      keyValues([
        ['Whole run', formatMillis(run.milliseconds)],
        ['Every failure ordering (exhaustive phase)', formatMillis(exhaustive.milliseconds)],
        ['Random orderings', `${random.stepsExecuted} steps, ${Math.round(random.stepsPerSecond)} a second`],
      ]),
    );
    out.push(
      markdownText(
        'Timings change from run to run; every other generated page stays the same for the same specification.',
      ),
    );
  }
  out.push('## Reports {#reports}');
  const links: string[] = [];
  if (reports.html)
    links.push(`- [Cucumber's HTML report](pathname://${ROUTES.reportsHtml}) (every step, with attachments)`);
  if (reports.junit) links.push(`- [JUnit XML](pathname://${ROUTES.reportsJunit}) (for CI dashboards)`);
  out.push(
    links.length ? links.join('\n') : markdownText('No HTML or JUnit report was found next to the messages file.'),
  );
  out.push('## Features {#features}');
  out.push(
    `<table class="cf-table"><thead><tr><th>Result</th><th>Feature</th><th>Scenarios</th></tr></thead><tbody>${run.features
      .map((f) => {
        const s = scenariosOf(f);
        return `<tr><td>${statusBadge(f.status)}</td><td><a href="/${f.page}">${htmlText(f.name)}</a></td><td>${htmlText(
          `${s.length}: ${scenarioCountLine(s)}`,
        )}</td></tr>`;
      })
      .join('')}</tbody></table>`,
  );
  const notPassed = scenarios.filter(({ scenario }) => scenario.status !== 'passed');
  out.push('## Scenarios that did not pass {#not-passed}');
  out.push(
    notPassed.length
      ? `<ul class="cf-covering">${notPassed
          .map(
            ({ feature, scenario }) =>
              `<li>${statusBadge(scenario.status)} <a href="/${feature.page}#${scenario.anchor}">${htmlText(scenario.name)}</a> <span class="cf-muted">${htmlText(
                feature.name,
              )}</span></li>`,
          )
          .join('')}</ul>`
      : markdownText('None: every scenario passed.'),
  );
  out.push(...scenarioTimings(run));
  return out.join('\n\n') + '\n';
}
