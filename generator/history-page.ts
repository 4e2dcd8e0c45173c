/**
 * The "Run history" page: the suite's duration and the fuzzing throughput plotted over the kept runs, the runs
 * themselves (with whether a feature or the model changed since the run before), the flaky scenarios, and each
 * scenario's last runs. Plain Markdown with HTML blocks and inline SVG; every text is escaped.
 */
import { htmlAttribute, htmlText, markdownText } from './escape';
import { formatMillis, STATUS_MARK } from './feature-page';
import { scenarioHistories, type HistoryEntry, type ScenarioHistory } from './history';

/** At most this many scenario rows; a larger run lists its flaky and changing scenarios first. */
const MAX_ROWS = 500;

/** A line chart of one value per run (oldest left); runs without the value leave a gap. */
export function lineChart(label: string, values: readonly (number | null)[], format: (v: number) => string): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return `<p class="cf-missing">${htmlText(`${label}: no run recorded it yet.`)}</p>`;
  const [width, height, pad] = [640, 160, 24];
  const max = Math.max(...known);
  const min = Math.min(0, ...known);
  const x = (i: number) =>
    pad + (values.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => height - pad - ((v - min) / (max - min || 1)) * (height - 2 * pad);
  const segments: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) segments.push([]);
    else segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  const lines = segments
    .filter((s) => s.length)
    .map(
      (s) =>
        `<polyline class="cf-chart-line" fill="none" stroke="currentColor" stroke-width="2" points="${s.join(' ')}"></polyline>`,
    );
  const dots = values.flatMap((v, i) =>
    v === null
      ? []
      : [
          `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="currentColor"><title>${htmlText(`run ${i + 1}: ${format(v)}`)}</title></circle>`,
        ],
  );
  return `<figure class="cf-chart"><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${htmlAttribute(
    label,
  )}"><line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="currentColor" stroke-opacity="0.3"></line><text x="${pad}" y="14" font-size="12" fill="currentColor">${htmlText(
    `max ${format(max)}`,
  )}</text>${lines.join('')}${dots.join('')}</svg><figcaption>${htmlText(
    `${label}: latest ${format(known[known.length - 1]!)}, over ${values.length} runs (oldest left)`,
  )}</figcaption></figure>`;
}

function runsTable(entries: readonly HistoryEntry[]): string {
  const rows = entries
    .map((e, i) => {
      const previous = entries[i - 1];
      const features = previous
        ? Object.keys({ ...e.features, ...previous.features }).filter(
            (uri) => e.features[uri] !== previous.features[uri],
          ).length
        : null;
      const inputs =
        previous === undefined
          ? 'first run kept'
          : [
              features ? `${features} feature files changed` : 'features unchanged',
              e.model === previous.model ? 'model unchanged' : 'model changed',
            ].join(', ');
      const passed = e.scenarios.filter((s) => s.status === 'passed').length;
      return `<tr><td>${i + 1}</td><td>${htmlText(e.startedAt ?? 'unknown')}</td><td>${htmlText(e.commit ?? 'unknown')}</td><td>${htmlText(
        formatMillis(e.milliseconds),
      )}</td><td>${htmlText(`${passed} of ${e.scenarios.length} passed`)}</td><td>${htmlText(
        e.stepsPerSecond === null ? '–' : String(e.stepsPerSecond),
      )}</td><td>${htmlText(inputs)}</td></tr>`;
    })
    .reverse();
  return `<div class="cf-scroll"><table class="cf-table"><thead><tr><th>Run</th><th>Started</th><th>Commit</th><th>Duration</th><th>Scenarios</th><th>Fuzzing steps/s</th><th>Since the run before</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table></div>`;
}

function marks(history: ScenarioHistory, entries: readonly HistoryEntry[]): string {
  return history.runs
    .map((r, i) => {
      const flip = history.flips.includes(i) ? ' cf-run-flip' : '';
      if (!r)
        return `<span class="cf-run cf-run-absent" title="${htmlAttribute(`run ${i + 1}: not in this run`)}">–</span>`;
      return `<span class="cf-run cf-run-${r.status.replace(/ /g, '-')}${flip}" title="${htmlAttribute(
        `run ${i + 1} (${entries[i]!.startedAt ?? 'unknown'}): ${r.status}, ${formatMillis(r.milliseconds)}${
          flip ? ', result changed with the same feature and model' : ''
        }`,
      )}">${STATUS_MARK[r.status]}</span>`;
    })
    .join('');
}

function scenarioRow(h: ScenarioHistory, entries: readonly HistoryEntry[]): string {
  const flaky = h.flips.length
    ? ` <span class="cf-tag cf-tag-flaky">${htmlText(`flaky: ${h.flips.length} unexplained changes`)}</span>`
    : '';
  return `<tr data-status="${htmlAttribute(h.latest.status)}"><td><a href="/${h.latest.page}#${h.latest.anchor}">${htmlText(
    h.latest.name,
  )}</a>${flaky}</td><td class="cf-runs">${marks(h, entries)}</td><td>${htmlText(formatMillis(h.latest.milliseconds))}</td></tr>`;
}

export function historyPage(entries: readonly HistoryEntry[]): string {
  const out: string[] = [];
  if (entries.length === 0) {
    out.push(
      [
        ':::info[No history]',
        'No run history was kept for these pages. `npm run docs:generate` keeps one in `reports/history.ndjson` for the project’s own run (`reports/messages.ndjson`), one line a run; `--history FILE` keeps one for any other messages file. CI carries it from run to run.',
        ':::',
      ].join('\n'),
    );
    return out.join('\n\n') + '\n';
  }
  const histories = scenarioHistories(entries);
  const flaky = histories.filter((h) => h.flips.length > 0);
  out.push(
    markdownText(
      `${entries.length} runs kept, the latest last. A scenario is flagged flaky when its result (status, end state or trace) changed from one run to the next while neither its feature file nor the model's sources did.`,
    ),
  );
  out.push('## Over time {#over-time}');
  out.push(
    lineChart(
      'Suite duration',
      entries.map((e) => e.milliseconds),
      formatMillis,
    ),
  );
  out.push(
    lineChart(
      'Fuzzing throughput (model steps a second)',
      entries.map((e) => e.stepsPerSecond),
      (v) => `${Math.round(v)} steps/s`,
    ),
  );
  out.push('## Runs {#runs}');
  out.push(runsTable(entries));
  out.push('## Flaky scenarios {#flaky}');
  out.push(
    flaky.length
      ? `<ul class="cf-covering">${flaky
          .map(
            (h) =>
              `<li><a href="/${h.latest.page}#${h.latest.anchor}">${htmlText(h.latest.name)}</a> <span class="cf-muted">${htmlText(
                `changed without cause in run ${h.flips.map((i) => i + 1).join(', ')}`,
              )}</span> <span class="cf-runs">${marks(h, entries)}</span></li>`,
          )
          .join('')}</ul>`
      : markdownText('None: every change of result came with a change of its feature or the model.'),
  );
  out.push('## Each scenario’s last runs {#scenarios}');
  const changing = (h: ScenarioHistory) =>
    new Set(h.runs.map((r) => (r ? `${r.status} ${r.endState} ${r.trace}` : '-'))).size > 1;
  const ordered = [
    ...flaky,
    ...histories.filter((h) => !h.flips.length && changing(h)),
    ...histories.filter((h) => !h.flips.length && !changing(h)),
  ];
  const shown = ordered.slice(0, MAX_ROWS);
  out.push(
    `<div class="cf-scroll"><table class="cf-table cf-history"><thead><tr><th>Scenario</th><th>Runs (oldest first)</th><th>Last duration</th></tr></thead><tbody>${shown
      .map((h) => scenarioRow(h, entries))
      .join('')}</tbody></table></div>`,
  );
  if (ordered.length > shown.length) {
    out.push(markdownText(`${ordered.length - shown.length} more scenarios had the same result in every kept run.`));
  }
  return out.join('\n\n') + '\n';
}
