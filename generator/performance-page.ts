/**
 * The Performance page: the latest table `npm run bench` wrote to reports/bench.json, with the machine it ran
 * on, or a plain "not measured yet" when there is none. Benchmarks never fail the docs build.
 */
import type { BenchReport, Comparison, Measurement } from './bench-report';
import { htmlText, markdownText } from './escape';
import { ROUTES } from './routes';

/** What scripts/generate-docs.ts found: a report, a file it could not read (and why), or nothing. */
export type BenchInput = { readonly report: BenchReport } | { readonly problem: string } | null;

function figure(value: number, unit: Measurement['unit']): string {
  if (unit === 'steps/s') return `${Math.round(value).toLocaleString('en-US')} steps/s`;
  if (unit === 'MB') return `${Math.round(value)} MB`;
  if (unit === 's') return `${value.toFixed(1)} s`;
  if (unit === 'µs') return `${value.toFixed(1)} µs`;
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function spread(m: Measurement): string {
  return m.runs > 1 ? `${figure(m.min, m.unit)} – ${figure(m.max, m.unit)}` : '(one run)';
}

function mark(met: boolean): string {
  return met
    ? '<span class="cf-badge cf-badge-passed">✔ met</span>'
    : '<span class="cf-badge cf-badge-failed">✘ missed</span>';
}

/**
 * A table with one row group per comparison: its title heads the group, and every other cell carries its column's
 * name (`data-label`), so that on a phone each group shows as one card, each cell under its column's name
 * (src/css/custom.css), instead of a table whose last columns are scrolled off to the right.
 */
function groupedTable(columns: readonly string[], groups: readonly { title: string; rows: readonly string[][] }[]) {
  const rest = columns.slice(1);
  const head = `<thead><tr>${columns.map((c) => `<th scope="col">${htmlText(c)}</th>`).join('')}</tr></thead>`;
  // A comparison with no rows (no checks, or no measurements) has nothing to show in this table.
  const bodies = groups
    .filter((g) => g.rows.length > 0)
    .map(({ title, rows }) => {
      const cells = (row: readonly string[]) =>
        row
          .map((cell, i) =>
            row.length === 1
              ? `<td colspan="${rest.length}" data-label="${htmlText(rest.at(-1)!)}">${cell}</td>`
              : `<td data-label="${htmlText(rest[i]!)}">${cell}</td>`,
          )
          .join('');
      return `<tbody>${rows
        .map(
          (row, i) =>
            `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${rows.length}">${title}</th>` : ''}${cells(row)}</tr>`,
        )
        .join('')}</tbody>`;
    });
  return `<div class="cf-scroll cf-cards"><table class="cf-table">${head}${bodies.join('')}</table></div>`;
}

const TARGET_COLUMNS = ['Comparison', 'Target', 'Latest', 'Result'] as const;
const MEASUREMENT_COLUMNS = ['Comparison', 'Measured', 'Median', 'Spread (fastest – slowest)', 'Runs'] as const;

function targetsTable(comparisons: readonly Comparison[]): string {
  return groupedTable(
    TARGET_COLUMNS,
    comparisons.map((c) => ({
      title: htmlText(c.title),
      rows: c.skipped
        ? [[htmlText(`Not measured in this run: ${c.skipped}`)]]
        : c.checks.map((check) => [htmlText(check.target), htmlText(check.measured), mark(check.met)]),
    })),
  );
}

function measurementsTable(comparisons: readonly Comparison[]): string {
  return groupedTable(
    MEASUREMENT_COLUMNS,
    comparisons
      .filter((c) => !c.skipped)
      .map((c) => ({
        title: `${htmlText(c.title)}<div class="cf-muted"><code>${htmlText(c.command)}</code></div>`,
        rows: c.measurements.map((m) => [
          htmlText(m.label),
          htmlText(figure(m.median, m.unit)),
          htmlText(spread(m)),
          String(m.runs),
        ]),
      })),
  );
}

/** A date as the pages print it: `2026-11-26 02:37 UTC`. */
function utc(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d{2}(?:\.\d+)?Z$/, ' UTC');
}

/**
 * The benchmarks run apart from the specification (never inside npm test), so the table may be older than the
 * run the rest of the site shows: then the page says so, with both dates, before any figure.
 */
function datedNotice(measuredAt: string, runStartedAt: string | null): string | null {
  if (runStartedAt === null || measuredAt.slice(0, 10) === runStartedAt.slice(0, 10)) return null;
  return [
    ':::caution[Not from the run the rest of this site shows]',
    markdownText(
      `These figures were measured on ${utc(measuredAt)}; the specification run the other pages show started on ${utc(runStartedAt)}. Benchmarks are not part of npm test: run npm run bench, then npm run docs:generate, to measure this version.`,
    ),
    ':::',
  ].join('\n');
}

/** Every missed target, each with the reason its report gives, or a plain statement that it gives none. */
function missesSection(comparisons: readonly Comparison[]): string | null {
  const misses = comparisons.flatMap((c) =>
    c.skipped ? [] : c.checks.filter((check) => !check.met).map((check) => ({ comparison: c, check })),
  );
  if (misses.length === 0) return null;
  return misses
    .map(
      ({ comparison, check }) =>
        `- **${markdownText(comparison.title)}**, ${markdownText(`${check.target}: ${check.measured}`)}. ${
          comparison.note ? markdownText(comparison.note) : markdownText('This report gives no reason for this miss.')
        }`,
    )
    .join('\n');
}

export function performancePage(input: BenchInput, runStartedAt: string | null = null): string {
  const out: string[] = [];
  if (input === null) {
    out.push(
      [
        ':::info[Not measured yet]',
        'No benchmark report was found (`reports/bench.json`). Run `npm run bench` (about ten minutes; `BENCH_QUICK=1 npm run bench` leaves out the docs build and takes two), then generate the pages again with `npm run docs:generate`.',
        ':::',
      ].join('\n'),
    );
    return out.join('\n\n') + '\n';
  }
  if ('problem' in input) {
    out.push(
      [
        ':::warning[The benchmark report could not be read]',
        markdownText(input.problem),
        '',
        'Run `npm run bench` again to replace it.',
        ':::',
      ].join('\n'),
    );
    return out.join('\n\n') + '\n';
  }
  const { report } = input;
  const m = report.machine;
  out.push(
    markdownText(
      `Measured ${report.measuredAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} by npm run bench on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB of memory, Node ${m.node} (${m.platform}). Each figure is the median of several runs after a warm-up, with its spread; a subject and its baseline ran alternately in the same run, so load on a shared machine hits both alike.`,
    ),
  );
  const notice = datedNotice(report.measuredAt, runStartedAt);
  if (notice) out.push(notice);
  out.push('## Targets {#targets}');
  out.push(targetsTable(report.comparisons));
  const misses = missesSection(report.comparisons);
  if (misses) {
    out.push('## Why each missed target is missed {#why-missed}');
    out.push(misses);
  }
  const otherNotes = report.comparisons.filter((c) => c.note && !c.skipped && c.checks.every((check) => check.met));
  if (otherNotes.length) {
    out.push('## Notes on the measurements {#notes}');
    out.push(otherNotes.map((c) => `- **${markdownText(c.title)}**: ${markdownText(c.note!)}`).join('\n'));
  }
  out.push('## Measurements {#measurements}');
  out.push(measurementsTable(report.comparisons));
  out.push(
    `[The report as JSON](pathname://${ROUTES.reportsBench}) (reports/bench.json, as \`npm run bench\` wrote it)`,
  );
  return out.join('\n\n') + '\n';
}
