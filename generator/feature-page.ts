/**
 * One page per feature: its description, its background, and for each rule and scenario the steps with the
 * last run's results, the claims covered, a sequence diagram of what the model did, the end state, the
 * diagnostic queries it ran with their rows, and a link that opens its plan in the playground.
 *
 * A page holds nothing that changes from one run of the same specification to the next (no durations, no dates),
 * so serial and `--parallel` runs publish the same bytes; the run summary is the one page that does.
 */
import { fromSqlServer } from '../diagnostics/queries';
import { playgroundHref } from '../plans/url';
import { endState } from './end-state';
import { ASSUMPTION_TAG } from '../features/claims-register';
import { EVIDENCE_KEY, assumptionAnchor, evidenceMark, evidenceOf } from './evidence';
import { className, closedValue, htmlAttribute, htmlText, markdownText } from './escape';
import { frontMatter } from './page-list';
import {
  STATUSES,
  scenariosOf,
  type FeatureDoc,
  type QueryDoc,
  type RuleDoc,
  type ScenarioDoc,
  type Status,
  type StepDoc,
} from './run';
import { diagramBlock } from './diagram-block';
import { filterAttributes, filterForm } from './scenario-filter';
import { sequenceDiagramParts, sharedStart, type DiagramParts } from './sequence-diagram';
import { claimAnchor, ROUTES } from './routes';
import { outageSummary } from './outage-summary';
import { descriptionMarkdown } from './description';
import { diagramBox, fold } from './page-layout';
import { legend } from './legend';

export const STATUS_LABEL: Record<Status, string> = {
  passed: 'passed',
  failed: 'failed',
  ambiguous: 'ambiguous',
  undefined: 'undefined',
  pending: 'pending',
  skipped: 'skipped',
  unknown: 'unknown',
  'not run': 'not run',
};

/** The sign of each status, on step lines, badges and the history's run marks. */
export const STATUS_MARK: Record<Status, string> = {
  passed: '✔',
  failed: '✘',
  ambiguous: '⁇',
  undefined: '?',
  pending: '…',
  skipped: '↷',
  unknown: '·',
  'not run': '·',
};

export function statusBadge(value: Status): string {
  const status = closedValue(value, STATUSES, 'status');
  return `<span class="cf-badge ${className('cf-badge-', status, STATUSES, 'status')}">${STATUS_MARK[status]} ${STATUS_LABEL[status]}</span>`;
}

export function formatMillis(ms: number): string {
  if (ms < 1) return '< 1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function tagList(tags: readonly string[], claimIds: readonly string[]): string {
  return tags
    .map((tag) => {
      const id = tag.slice(1);
      if (claimIds.includes(id)) {
        return `<a class="cf-tag cf-tag-claim" href="${ROUTES.claims}#${claimAnchor(id)}">${htmlText(tag)}</a>`;
      }
      const assumed = ASSUMPTION_TAG.exec(tag)?.[1];
      if (assumed !== undefined) {
        return `<a class="cf-tag cf-tag-inferred" href="${htmlAttribute(`${ROUTES.assumptions}#${assumptionAnchor(assumed)}`)}">${htmlText(tag)}</a>`;
      }
      const special = tag === '@known-defect' ? ' cf-tag-defect' : tag === '@inferred' ? ' cf-tag-inferred' : '';
      return `<span class="cf-tag${special}">${htmlText(tag)}</span>`;
    })
    .join(' ');
}

function dataTable(rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  if (!head) return '';
  return `<div class="cf-scroll"><table class="cf-step-table"><thead><tr>${head.map((c) => `<th>${htmlText(c)}</th>`).join('')}</tr></thead><tbody>${body
    .map((row) => `<tr>${row.map((c) => `<td>${htmlText(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

function stepItem(step: StepDoc, evidence = ''): string {
  closedValue(step.status, STATUSES, 'step status');
  const text = step.hook ? `${step.text} hook` : step.text;
  const parts = [
    `<span class="cf-step-mark" title="${htmlAttribute(STATUS_LABEL[step.status])}">${STATUS_MARK[step.status]}</span>`,
    step.keyword ? `<span class="cf-keyword">${htmlText(step.keyword)}</span> ` : '',
    `<span class="cf-step-text">${htmlText(text)}</span>`,
    step.status === 'passed' ? '' : ` <span class="cf-step-status">${htmlText(STATUS_LABEL[step.status])}</span>`,
  ];
  const extras = [
    evidence,
    step.docString !== null ? `<div class="cf-docstring">${htmlText(step.docString)}</div>` : '',
    step.dataTable ? dataTable(step.dataTable) : '',
    step.error !== null ? `<div class="cf-error">${htmlText(step.error)}</div>` : '',
  ];
  const classes = [
    'cf-step',
    className('cf-step-', step.status, STATUSES, 'step status'),
    step.fromBackground ? 'cf-step-background' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<li class="${classes}">${parts.join('')}${extras.join('')}</li>`;
}

function stepList(scenario: ScenarioDoc): string {
  // Hooks are shown only when they did not pass: a failing After hook is part of why a scenario failed.
  const marks = evidenceOf(scenario);
  const evidence = new Map(scenario.steps.map((s, i) => [s, marks[i]] as const));
  // Each assumption is explained at its first line in the scenario; later lines link back to it.
  const explained = new Set<string>();
  const item = (s: StepDoc) => {
    const e = evidence.get(s);
    return stepItem(s, e ? evidenceMark(e, scenario, explained) : '');
  };
  const steps = scenario.steps.filter((s) => !s.hook || s.status !== 'passed');
  const background = steps.filter((s) => s.fromBackground);
  // Background steps that all passed fold into one line (they are listed once under Background); any other
  // result shows them in full, since then they are part of the story.
  const fold = background.length > 0 && background.every((s) => s.status === 'passed');
  const shown = fold ? steps.filter((s) => !s.fromBackground) : steps;
  const folded = fold
    ? `<li class="cf-step cf-step-passed cf-step-background"><span class="cf-step-mark" title="passed">${STATUS_MARK.passed}</span><a href="#background">${htmlText(
        `Background: ${background.length} steps`,
      )}</a></li>`
    : '';
  return `<div class="cf-steps"><ol class="cf-step-list">${folded}${shown.map(item).join('')}</ol></div>`;
}

/** How the pages link to the site itself. */
export interface PageOptions {
  /** The site's `baseUrl` (Docusaurus), ending in `/`. */
  readonly baseUrl: string;
  /**
   * `checked`: "Open in playground" links are ordinary links, which the docs build checks like any other (the
   * playground page must exist); `unchecked`: plain anchors the build neither rewrites nor checks.
   */
  readonly playgroundLinks: 'checked' | 'unchecked';
  /** Extra marks beside a scenario's status and tags (HTML, already escaped), such as "changed since baseline". */
  readonly scenarioMarks?: (scenario: ScenarioDoc) => string;
}

export const DEFAULT_PAGE_OPTIONS: PageOptions = { baseUrl: '/', playgroundLinks: 'checked' };

function playgroundLink(scenario: ScenarioDoc, options: PageOptions): string {
  if (!scenario.plan) return '';
  const href = playgroundHref(scenario.plan, options.baseUrl);
  // Docusaurus leaves a `pathname://` link as it is: no base URL added, no broken-link check.
  const target = options.playgroundLinks === 'checked' ? href : `pathname://${href}`;
  return ` <a class="cf-tag cf-playground" href="${htmlAttribute(target)}" title="${htmlAttribute(
    'Stage this scenario in the playground and try other orderings from there',
  )}">${htmlText('▶ Open in playground')}</a>`;
}

const cellText = (value: string | number | null): string => (value === null ? 'NULL' : String(value));

/**
 * A diagnostic query as a support engineer would paste it into SQL Server Management Studio, what the embedded
 * engine changed to run it, and the rows it returned, in the columns the source's result tables use.
 */
function queryBlock(query: QueryDoc): string {
  const translated = fromSqlServer(query.sqlServer) === query.sql;
  const note =
    query.sql === query.sqlServer
      ? 'Run here exactly as written.'
      : translated
        ? 'Run here in SQLite with one change: the table hint “with (nolock)” is left out (SQLite has no table hints; SQL Server uses it to read without waiting for locks). With no other writer at the same time it changes no row.'
        : 'Run here as the text below (it differs from the SQL Server text).';
  const ran =
    query.sql === query.sqlServer
      ? ''
      : `<details class="cf-details"><summary>${htmlText('The text SQLite ran')}</summary><div class="cf-docstring cf-sql">${htmlText(
          query.sql,
        )}</div></details>`;
  const count = query.rows.length === 1 ? '1 row' : `${query.rows.length} rows`;
  const table = `<div class="cf-db-scroll"><table class="cf-db"><caption>${htmlText(
    `${count} returned`,
  )}</caption><thead><tr>${query.columns.map((c) => `<th>${htmlText(c)}</th>`).join('')}</tr></thead><tbody>${
    query.rows.length
      ? query.rows.map((row) => `<tr>${row.map((v) => `<td>${htmlText(cellText(v))}</td>`).join('')}</tr>`).join('')
      : `<tr><td colspan="${Math.max(1, query.columns.length)}">${htmlText('(no rows)')}</td></tr>`
  }</tbody></table></div>`;
  return `<div class="cf-query"><p class="cf-caption">${htmlText(
    `Query “${query.title}”${query.step ? `, run by the step “${query.step}”` : ''}`,
  )}</p><div class="cf-docstring cf-sql">${htmlText(query.sqlServer)}</div><p class="cf-muted">${htmlText(
    note,
  )}</p>${ran}${table}</div>`;
}

function queriesSection(queries: readonly QueryDoc[]): string {
  return [
    `<p class="cf-caption">${htmlText(
      'What the database says: the source’s diagnostic queries, run against this scenario’s database at the step shown (SQL Server text)',
    )}</p>`,
    ...queries.map(queryBlock),
  ].join('\n\n');
}

/** The diagram within mermaid's limits, with the texts it cut short in full (generator/diagram-block.ts). */
function mermaid(parts: DiagramParts): string {
  return diagramBlock(parts);
}

interface SharedStart {
  readonly events: number;
  readonly diagram: DiagramParts | null;
}

function scenarioSection(scenario: ScenarioDoc, shared: SharedStart, level: string, options: PageOptions): string {
  const out: string[] = [];
  out.push(`${level} ${markdownText(scenario.name)} {#${scenario.anchor}}`);
  out.push(
    `<div class="cf-scenario-meta">${statusBadge(scenario.status)} ${tagList(scenario.tags, scenario.claimIds)}${playgroundLink(
      scenario,
      options,
    )}${options.scenarioMarks?.(scenario) ?? ''}</div>`,
  );
  if (scenario.description) out.push(descriptionMarkdown(scenario.description));
  if (scenario.knownDefect) {
    out.push(
      [
        ':::warning[Known defect]',
        'The source marks this behaviour as **incorrect**. The scenario pins down what the product does today, not what it should do.',
        ':::',
      ].join('\n'),
    );
  }
  if (scenario.inferred) {
    out.push(
      [
        ':::note[Inferred]',
        'The source does not show this. It is what the model infers from the behaviour the source does show; treat it as a prediction to confirm in a lab.',
        ':::',
      ].join('\n'),
    );
  }
  out.push(scenarioBody(scenario, shared));
  return out.join('\n\n');
}

/**
 * A scenario's body, folded under its heading and tags (issue 22: a feature page on a phone is a list of its
 * scenarios, each opened by the reader): its steps with their marks, then its diagram, end state and queries,
 * each in a fold of its own. A scenario that did not pass is folded open, as cucumber's own reports show a
 * failure; a link to the scenario, find-in-page and "open every fold" open the others.
 */
function scenarioBody(scenario: ScenarioDoc, shared: SharedStart): string {
  const parts = [stepList(scenario), ...scenarioFolds(scenario, shared)];
  const steps = scenario.steps.filter((s) => !s.hook).length;
  const shown = [
    scenario.trace && scenario.trace.events.length > 0 ? 'diagram' : '',
    scenario.endState ? 'end state' : '',
    scenario.queries.length ? 'database queries' : '',
  ].filter(Boolean);
  const summary = `${steps === 1 ? '1 step' : `${steps} steps`}${shown.length ? `, ${shown.join(', ')}` : ''}`;
  return fold('scenario', summary, parts.join('\n\n'), scenario.anchor, scenario.status !== 'passed');
}

/** What follows a scenario's steps: the diagram, end state and queries, each folded, or why one is missing. */
function scenarioFolds(scenario: ScenarioDoc, shared: SharedStart): string[] {
  const out: string[] = [];
  if (scenario.trace && scenario.trace.events.length === 0) {
    // Scenarios that check something other than one deployment (the exploration) leave an empty trace.
    const invariants = scenario.tags.includes('@invariants')
      ? ` What the exploration checked is on the <a href="${ROUTES.invariants}">invariants page</a>.`
      : '';
    out.push(
      `<p class="cf-missing">${htmlText(
        'Nothing happened in this scenario’s own deployment, so there is no diagram or end state to show.',
      )}${invariants}</p>`,
    );
    if (scenario.queries.length)
      out.push(fold('queries', 'The database queries', queriesSection(scenario.queries), scenario.anchor));
    return out;
  }
  if (scenario.trace) {
    const skip = shared.diagram && scenario.trace.events.length > shared.events ? shared.events : 0;
    const diagram = [
      diagramBox(
        mermaid(
          sequenceDiagramParts(scenario.trace.events, {
            skip,
            skippedNote: 'After the start shared by every scenario on this page (drawn at the top)',
            title: `What happened in “${scenario.name}”, hop by hop`,
          }),
        ),
        `Sequence diagram of ${scenario.name}`,
      ),
    ];
    const parameters = Object.entries(scenario.trace.parameters);
    if (parameters.length) {
      diagram.push(
        `<p class="cf-parameters">${htmlText(
          `Model timings in this run: ${parameters.map(([name, value]) => `${name} ${value} s`).join(' · ')}`,
        )}</p>`,
      );
    }
    out.push(
      fold(
        'diagram',
        'What happened, hop by hop (from the model’s trace of this run)',
        diagram.join('\n\n'),
        scenario.anchor,
      ),
    );
  } else {
    out.push(
      `<p class="cf-missing">${htmlText('No trace was attached to this scenario, so there is no diagram.')}</p>`,
    );
  }
  if (scenario.endState) {
    out.push(
      fold(
        'end-state',
        'What each person sees at the end, and what the database says',
        endState(scenario.endState),
        scenario.anchor,
      ),
    );
  } else {
    out.push(`<p class="cf-missing">${htmlText('No end state was attached to this scenario.')}</p>`);
  }
  if (scenario.queries.length)
    out.push(fold('queries', 'The database queries', queriesSection(scenario.queries), scenario.anchor));
  return out;
}

function ruleSection(rule: RuleDoc, shared: SharedStart, options: PageOptions): string {
  const out = [`## ${markdownText(`Rule: ${rule.name}`)} {#${rule.anchor}}`];
  if (rule.description) out.push(descriptionMarkdown(rule.description));
  if (rule.background) {
    out.push(
      `<div class="cf-background"><div class="cf-background-title">Background of this rule</div><ol>${rule.background
        .map((s) => `<li>${htmlText(s)}</li>`)
        .join('')}</ol></div>`,
    );
  }
  for (const scenario of rule.scenarios) out.push(scenarioSection(scenario, shared, '###', options));
  return out.join('\n\n');
}

export function scenarioCountLine(scenarios: readonly ScenarioDoc[]): string {
  const counts = new Map<Status, number>();
  for (const s of scenarios) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return [...counts.entries()].map(([status, n]) => `${n} ${STATUS_LABEL[status]}`).join(', ');
}

export function featurePage(
  feature: FeatureDoc,
  position: number,
  options: PageOptions = DEFAULT_PAGE_OPTIONS,
): string {
  const scenarios = scenariosOf(feature);
  const traced = scenarios.flatMap((s) => (s.trace ? [s.trace.events] : []));
  const events = sharedStart(traced);
  const shared: SharedStart = {
    events,
    diagram:
      events > 0 && traced[0]
        ? sequenceDiagramParts(traced[0].slice(0, events), { title: 'The start every scenario on this page shares' })
        : null,
  };
  const out: string[] = [
    frontMatter({
      title: feature.name,
      sidebarLabel: feature.name,
      position,
      slug: { quoted: `/${feature.page}` },
      description: `Scenarios of ${feature.uri}, with the last run's results, sequence diagrams and end states.`,
    }),
  ];
  out.push(
    `<div class="cf-feature-meta">${statusBadge(feature.status)} <span>${htmlText(
      `${scenarios.length} scenarios: ${scenarioCountLine(scenarios)} · ${feature.uri}`,
    )}</span> ${tagList(feature.tags, [])}</div>`,
  );
  if (scenarios.length > 0 && scenarios.every((s) => s.status === 'not run')) {
    out.push(
      [
        ':::info[Not run]',
        markdownText(
          `The last run left this feature out: its scenarios are shown from ${feature.uri} with their steps, not run. npm run spec runs every feature.`,
        ),
        ':::',
      ].join('\n'),
    );
  }
  if (feature.description) out.push(descriptionMarkdown(feature.description));
  const outage = outageSummary(feature);
  if (outage) out.push(`## In an outage {#in-an-outage}`, outage, legend(), `## Scenarios on this page {#scenarios}`);
  out.push(EVIDENCE_KEY);
  out.push(scenarioIndex(feature));
  if (feature.background || shared.diagram) {
    out.push(`## Background {#background}`);
    if (feature.background) {
      out.push(
        `<div class="cf-background"><div class="cf-background-title">${htmlText(
          feature.background.name || 'Every scenario on this page starts with',
        )}</div><ol>${feature.background.steps.map((s) => `<li>${htmlText(s)}</li>`).join('')}</ol></div>`,
      );
    }
    if (shared.diagram) {
      out.push(
        fold(
          'background',
          'The start every scenario on this page shares, hop by hop',
          diagramBox(mermaid(shared.diagram), 'Sequence diagram of the shared start'),
          'background',
        ),
      );
    }
  }
  for (const child of feature.children) {
    out.push(
      child.kind === 'rule' ? ruleSection(child, shared, options) : scenarioSection(child, shared, '##', options),
    );
  }
  return out.join('\n\n') + '\n';
}

function scenarioIndex(feature: FeatureDoc): string {
  const scenarios = scenariosOf(feature);
  // Pages whose scenarios cover no claim of the source (explorations, rejected actions) drop the column.
  const withClaims = scenarios.some((s) => s.claimIds.length > 0);
  const rows = scenarios.map((s) => {
    const claims = withClaims
      ? `<td>${s.claimIds
          .map((id) => `<a class="cf-tag cf-tag-claim" href="${ROUTES.claims}#${claimAnchor(id)}">${htmlText(id)}</a>`)
          .join(' ')}</td>`
      : '';
    return `<tr${filterAttributes(s, s.anchor)}><td>${statusBadge(s.status)}</td><td><a href="#${s.anchor}">${htmlText(s.name)}</a></td>${claims}</tr>`;
  });
  const head = `<tr><th>Result</th><th>Scenario</th>${withClaims ? '<th>Claims</th>' : ''}</tr>`;
  return `${filterForm(scenarios.map((s) => s.status))}<table class="cf-index"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
