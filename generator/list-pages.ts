/**
 * Lists over the whole run: every `@known-defect` scenario and every `@inferred` one, each on a page of its own;
 * and, for the run summary, every scenario with its duration (filterable) and a timeline of the run, one lane a
 * worker, which shows how a `--parallel` run shared its scenarios out.
 */
import { htmlAttribute, htmlText, markdownText } from './escape';
import { scenarioBasis } from './evidence';
import { formatMillis, statusBadge } from './feature-page';
import { listedPage } from './page-list';
import { scenariosOf, type FeatureDoc, type RunDoc, type ScenarioDoc } from './run-model';
import { filterAttributes, filterForm } from './scenario-filter';
import { markedFromRun, STATEMENTS_ATTRIBUTE } from './statement-marks';

interface Listed {
  readonly feature: FeatureDoc;
  readonly scenario: ScenarioDoc;
}

const everyScenario = (run: RunDoc): Listed[] =>
  run.features.flatMap((feature) => scenariosOf(feature).map((scenario) => ({ feature, scenario })));

/**
 * The scenario's name, linked to it; on the known-defects and inferred lists, marked with what the scenario rests
 * on (a scenario with any assumed line is assumed), since there the name states a behaviour.
 */
function scenarioCell(feature: FeatureDoc, scenario: ScenarioDoc, marked: boolean): string {
  const link = `<a href="/${feature.page}#${scenario.anchor}">${htmlText(scenario.name)}</a>`;
  if (!marked) return `<td>${link}</td>`;
  return `<td ${STATEMENTS_ATTRIBUTE}>${markedFromRun(link, scenarioBasis(scenario))}</td>`;
}

function scenarioTable(listed: readonly Listed[], withDuration: boolean, marked = false): string {
  const rows = listed.map(
    ({ feature, scenario }) =>
      `<tr${filterAttributes(scenario)}><td>${statusBadge(scenario.status)}</td>${scenarioCell(feature, scenario, marked)}<td>${htmlText(
        feature.name,
      )}</td>${withDuration ? `<td>${htmlText(formatMillis(scenario.milliseconds))}</td>` : ''}</tr>`,
  );
  return `${filterForm(listed.map((l) => l.scenario.status))}<div class="cf-scroll"><table class="cf-table cf-index"><thead><tr><th>Result</th><th>Scenario</th><th>Feature</th>${
    withDuration ? '<th>Duration</th>' : ''
  }</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function listPage(run: RunDoc, tag: string, intro: string): string {
  const listed = everyScenario(run).filter(({ scenario }) => scenario.tags.includes(tag));
  return (
    [
      markdownText(`${intro} ${listed.length} scenarios.`),
      listed.length ? scenarioTable(listed, false, true) : markdownText(`No scenario of this run is tagged ${tag}.`),
    ].join('\n\n') + '\n'
  );
}

export function knownDefectsPage(run: RunDoc): string {
  return listPage(run, '@known-defect', listedPage('knownDefects').description);
}

export function inferredPage(run: RunDoc): string {
  return listPage(run, '@inferred', listedPage('inferred').description);
}

/** One lane a worker, one bar a scenario from its start to its end; the run's own clock on the axis. */
export function timeline(run: RunDoc): string {
  const timed = everyScenario(run).filter(({ scenario }) => scenario.startedAt !== null);
  if (timed.length === 0) return `<p class="cf-missing">${htmlText('No scenario recorded when it started.')}</p>`;
  const start = Math.min(...timed.map(({ scenario }) => scenario.startedAt!));
  const end = Math.max(...timed.map(({ scenario }) => scenario.startedAt! + scenario.milliseconds));
  const workers = [...new Set(timed.map(({ scenario }) => scenario.worker ?? 'main'))].sort();
  const [width, lane, left] = [900, 22, 90];
  const scale = (ms: number) => left + ((ms - start) / Math.max(1, end - start)) * (width - left - 10);
  const bars = timed.map(({ feature, scenario }) => {
    const y = workers.indexOf(scenario.worker ?? 'main') * lane + 4;
    const x = scale(scenario.startedAt!);
    const w = Math.max(1, scale(scenario.startedAt! + scenario.milliseconds) - x);
    return `<rect class="cf-timeline-${scenario.status === 'passed' ? 'passed' : 'other'}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(
      1,
    )}" height="${lane - 6}"><title>${htmlText(`${feature.name}: ${scenario.name} (${formatMillis(scenario.milliseconds)})`)}</title></rect>`;
  });
  const labels = workers.map(
    (w, i) =>
      `<text x="4" y="${i * lane + lane - 6}" font-size="12" fill="currentColor">${htmlText(`worker ${w}`)}</text>`,
  );
  const height = workers.length * lane + 20;
  return `<figure class="cf-chart"><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${htmlAttribute(
    'Timeline of the run, one lane a worker',
  )}">${labels.join('')}${bars.join('')}<text x="${left}" y="${height - 4}" font-size="11" fill="currentColor">0 s</text><text x="${
    width - 60
  }" y="${height - 4}" font-size="11" fill="currentColor">${htmlText(formatMillis(end - start))}</text></svg><figcaption>${htmlText(
    `${timed.length} scenarios on ${workers.length} worker${workers.length === 1 ? '' : 's'}, ${formatMillis(end - start)} from the first start to the last end`,
  )}</figcaption></figure>`;
}

/** The summary page's sections about every scenario: the timeline and the filterable table of durations. */
export function scenarioTimings(run: RunDoc): string[] {
  const listed = everyScenario(run).sort((a, b) => b.scenario.milliseconds - a.scenario.milliseconds);
  return [
    '## Timeline {#timeline}',
    timeline(run),
    '## Every scenario, slowest first {#scenarios}',
    scenarioTable(listed, true),
  ];
}
