/**
 * The "What changed" page (two runs compared, `changes.ts`) and its short Markdown summary for a pull request's
 * job summary (`reports/changes.md`). For each changed scenario: what changed in a few words, its screens side
 * by side with the differing lines marked, and the sequence diagram of this run with the changed messages in a
 * yellow band. Every text from either run is escaped for where it goes.
 */
import { changeSummary, type RunComparison, type ScenarioChange } from './changes';
import type { DiffLine } from './line-diff';
import { htmlAttribute, htmlText, markdownText } from './escape';
import { statusBadge } from './feature-page';
import type { ScenarioSnapshot } from './observable';
import { ROUTES } from './routes';
import { sequenceDiagram } from './sequence-diagram';

/** The run a comparison was made against, or the current one. */
export interface RunLabel {
  readonly file: string;
  readonly startedAt: string | null;
  readonly commit: string | null;
}

const describeRun = (run: RunLabel): string =>
  `${run.file}, run ${run.startedAt ?? 'at an unknown time'}${run.commit ? ` at ${run.commit}` : ''}`;

/** The anchor of a scenario's entry on the page; feature pages link to it (both anchors are slugs already). */
export function changeAnchor(scenario: Pick<ScenarioSnapshot, 'page' | 'anchor'>, removed = false): string {
  return `${removed ? 'gone' : 'chg'}-${scenario.page.replace(/^features\//, '')}--${scenario.anchor}`;
}

/** Lines that differ paired row by row: a run of removed lines beside the run of added lines that replaced it. */
function sideBySide(lines: readonly DiffLine[], context = Infinity): string {
  const rows: string[] = [];
  const cell = (line: DiffLine | undefined) =>
    line === undefined
      ? '<td class="cf-diff-none"></td>'
      : `<td class="cf-diff-${line.kind}">${htmlText(line.text)}</td>`;
  const near = (i: number) => lines.slice(Math.max(0, i - context), i + context + 1).some((l) => l.kind !== 'same');
  let skipped = 0;
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    if (line.kind === 'same') {
      if (near(i)) {
        if (skipped)
          rows.push(`<tr><td class="cf-diff-skip" colspan="2">${htmlText(`… ${skipped} lines the same`)}</td></tr>`);
        skipped = 0;
        rows.push(`<tr>${cell(line)}${cell(line)}</tr>`);
      } else skipped++;
      i++;
      continue;
    }
    if (skipped)
      rows.push(`<tr><td class="cf-diff-skip" colspan="2">${htmlText(`… ${skipped} lines the same`)}</td></tr>`);
    skipped = 0;
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    for (; i < lines.length && lines[i]!.kind !== 'same'; i++)
      (lines[i]!.kind === 'removed' ? removed : added).push(lines[i]!);
    for (let k = 0; k < Math.max(removed.length, added.length); k++)
      rows.push(`<tr>${cell(removed[k])}${cell(added[k])}</tr>`);
  }
  if (skipped)
    rows.push(`<tr><td class="cf-diff-skip" colspan="2">${htmlText(`… ${skipped} lines the same`)}</td></tr>`);
  return `<div class="cf-scroll"><table class="cf-diff"><thead><tr><th>${htmlText('Baseline')}</th><th>${htmlText(
    'This run',
  )}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Indices of the current trace's events that the baseline does not have. */
function changedEvents(trace: readonly DiffLine[]): Set<number> {
  const marked = new Set<number>();
  let now = 0;
  for (const line of trace) {
    if (line.kind === 'added') marked.add(now);
    if (line.kind !== 'removed') now++;
  }
  return marked;
}

function scenarioLink(s: ScenarioSnapshot): string {
  return `<a href="/${s.page}#${s.anchor}">${htmlText(s.name)}</a>`;
}

function changeSection(change: ScenarioChange): string {
  const shown = (change.now ?? change.before)!;
  const out: string[] = [];
  out.push(
    `## ${markdownText(`${shown.featureName}: ${shown.name}`)} {#${changeAnchor(shown, change.kind === 'removed')}}`,
  );
  const statuses =
    change.before && change.now && change.statusChanged
      ? `${statusBadge(change.before.status)} → ${statusBadge(change.now.status)}`
      : statusBadge(shown.status);
  out.push(
    `<div class="cf-scenario-meta">${statuses} <span class="cf-tag cf-changed">${htmlText(changeSummary(change))}</span>${
      change.now ? ` ${scenarioLink(change.now)}` : ''
    }</div>`,
  );
  if (change.kind === 'added' || change.kind === 'removed') {
    out.push(
      `<ol class="cf-step-list">${shown.steps.map((s) => `<li class="cf-step">${htmlText(s)}</li>`).join('')}</ol>`,
    );
    return out.join('\n\n');
  }
  for (const screen of change.screens) {
    out.push(`<p class="cf-caption">${htmlText(screen.title)}</p>`);
    out.push(sideBySide(screen.lines));
  }
  if (change.trace && change.now?.events) {
    out.push(`<p class="cf-caption">${htmlText('Messages that differ (one trace event a line)')}</p>`);
    out.push(sideBySide(change.trace, 2));
    out.push(
      `<p class="cf-caption">${htmlText('This run’s sequence diagram, the messages the baseline did not have in yellow')}</p>`,
    );
    out.push(
      ['```mermaid', sequenceDiagram(change.now.events, { marked: changedEvents(change.trace) }), '```'].join('\n'),
    );
  }
  return out.join('\n\n');
}

const KIND_TITLE: Record<ScenarioChange['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  renamed: 'Renamed',
  changed: 'Changed',
};

export function changesPage(comparison: RunComparison | null, baseline: RunLabel | null, now: RunLabel): string {
  const out: string[] = [];
  if (!comparison || !baseline) {
    out.push(
      [
        ':::info[No baseline]',
        'These pages were generated without a run to compare with. To see what a change did to what people see, generate them against an earlier run’s messages: `npm run docs:generate -- --baseline OLD.ndjson` (CI does this for every pull request, with the target branch’s last run).',
        ':::',
      ].join('\n'),
    );
    return out.join('\n\n') + '\n';
  }
  out.push(
    `<table class="cf-table cf-key-values"><tbody><tr><th>${htmlText('Baseline')}</th><td>${htmlText(
      describeRun(baseline),
    )}</td></tr><tr><th>${htmlText('This run')}</th><td>${htmlText(describeRun(now))}</td></tr><tr><th>${htmlText(
      'Unchanged scenarios',
    )}</th><td>${comparison.unchanged}</td></tr></tbody></table>`,
  );
  const { changes } = comparison;
  if (changes.length === 0) {
    out.push(
      markdownText('Nothing changed: every scenario has the same status, screens and messages as in the baseline.'),
    );
    return out.join('\n\n') + '\n';
  }
  out.push(
    `<table class="cf-index cf-changes"><thead><tr><th>${htmlText('Change')}</th><th>${htmlText('Scenario')}</th><th>${htmlText(
      'Feature',
    )}</th><th>${htmlText('What changed')}</th></tr></thead><tbody>${changes
      .map((c) => {
        const s = (c.now ?? c.before)!;
        return `<tr><td>${htmlText(KIND_TITLE[c.kind])}</td><td><a href="#${changeAnchor(s, c.kind === 'removed')}">${htmlText(
          s.name,
        )}</a></td><td>${htmlText(s.featureName)}</td><td>${htmlText(changeSummary(c))}</td></tr>`;
      })
      .join('')}</tbody></table>`,
  );
  for (const change of changes) out.push(changeSection(change));
  return out.join('\n\n') + '\n';
}

/** The differing lines of a change, at most `limit`, for the pull request summary. */
function differingLines(change: ScenarioChange, limit: number): string[] {
  const lines = [
    ...change.screens.flatMap((s) => s.lines.filter((l) => l.kind !== 'same').map((l) => ({ title: s.title, l }))),
    ...(change.trace ?? []).filter((l) => l.kind !== 'same').map((l) => ({ title: 'Messages', l })),
  ];
  const shown = lines
    .slice(0, limit)
    .map(({ title, l }) => `${l.kind === 'removed' ? '-' : '+'} ${title}: ${l.text}`.replace(/\s+/g, ' '));
  if (lines.length > limit) shown.push(`… and ${lines.length - limit} more differing lines`);
  return shown;
}

/** `reports/changes.md`: a short summary a CI job puts in a pull request's job summary. */
export function changesReport(comparison: RunComparison, baseline: RunLabel, now: RunLabel): string {
  const out = ['## What changed in what people see', ''];
  out.push(markdownText(`Compared with ${describeRun(baseline)}; this run: ${describeRun(now)}.`), '');
  const counts = (['added', 'removed', 'renamed', 'changed'] as const)
    .map((kind) => [kind, comparison.changes.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  out.push(
    markdownText(
      comparison.changes.length
        ? `${comparison.changes.length} scenarios differ (${counts.join(', ')}); ${comparison.unchanged} unchanged.`
        : `No scenario changed (${comparison.unchanged} compared).`,
    ),
    '',
  );
  for (const change of comparison.changes) {
    const s = (change.now ?? change.before)!;
    out.push(`- **${markdownText(`${s.featureName}: ${s.name}`)}**: ${markdownText(changeSummary(change))}`);
    const lines = differingLines(change, 6);
    if (lines.length) {
      // An indented fence longer than any run of backticks in the text keeps the lines literal.
      const fence = '`'.repeat(
        Math.max(3, ...lines.map((l) => (l.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length + 1), 0))),
      );
      out.push(`  ${fence}diff`, ...lines.map((l) => `  ${l}`), `  ${fence}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The flag a feature page shows beside a scenario that changed against the baseline. */
export function changedFlag(scenario: Pick<ScenarioSnapshot, 'page' | 'anchor'>, summary: string): string {
  return ` <a class="cf-tag cf-changed" href="${ROUTES.changes}#${changeAnchor(scenario)}" title="${htmlAttribute(
    `Changed since the baseline run: ${summary}`,
  )}">${htmlText('changed since baseline')}</a>`;
}
