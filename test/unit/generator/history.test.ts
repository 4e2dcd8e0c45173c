/**
 * The run history: three runs in a row generated into one history file; the middle one has a scenario fail
 * with the same feature file and model (a flaky scenario, flagged), and a change of result that comes with a
 * changed feature file is not flagged.
 */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, strictEqual, throws } from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HistoryError,
  parseHistory,
  scenarioHistories,
  type HistoryEntry,
  type ScenarioResult,
} from '../../../generator/history';
import { generateDocs } from '../../support/generate-docs';

const root = join(__dirname, '..', '..', '..');
const fixture = readFileSync(join(root, 'test', 'fixtures', 'hostile-text', 'messages.ndjson'), 'utf8')
  .trimEnd()
  .split('\n');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fixture run started `later` seconds after the recorded one; `failing` fails its first passed Gherkin step. */
function variant(later: number, failing: boolean): { text: string; scenario: string } {
  const envelopes = fixture.map((l) => JSON.parse(l) as Json);
  const pickleName = new Map<string, string>();
  const testCases = new Map<string, Json>();
  const attempts = new Map<string, string>();
  let scenario = '';
  for (const e of envelopes) {
    if (e.pickle) pickleName.set(e.pickle.id, e.pickle.name);
    if (e.testCase) testCases.set(e.testCase.id, e.testCase);
    if (e.testCaseStarted) attempts.set(e.testCaseStarted.id, e.testCaseStarted.testCaseId);
    if (e.testRunStarted) e.testRunStarted.timestamp.seconds += later;
    const finished = e.testStepFinished;
    if (finished && !scenario && finished.testStepResult.status === 'PASSED') {
      const testCase = testCases.get(attempts.get(finished.testCaseStartedId)!)!;
      const step = testCase.testSteps.find((s: Json) => s.id === finished.testStepId);
      if (step.pickleStepId) {
        scenario = pickleName.get(testCase.pickleId)!;
        if (failing) {
          finished.testStepResult.status = 'FAILED';
          finished.testStepResult.message = 'Timed out (a flaky environment)';
        }
      }
    }
  }
  return { text: envelopes.map((e) => JSON.stringify(e)).join('\n') + '\n', scenario };
}

test('the history survives three runs in a row and flags the scenario that flipped with nothing changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-history-'));
  try {
    const history = join(dir, 'history.ndjson');
    const out = join(dir, 'generated');
    let flipped = '';
    [variant(0, false), variant(60, true), variant(120, false)].forEach(({ text, scenario }, i) => {
      flipped = scenario;
      const messages = join(dir, `run-${i + 1}.ndjson`);
      writeFileSync(messages, text);
      const result = generateDocs(messages, dir, ['--history', history]);
      strictEqual(result.status, 0, result.stderr);
    });
    const entries = parseHistory(readFileSync(history, 'utf8'), 'history.ndjson');
    strictEqual(entries.length, 3);
    deepStrictEqual(
      entries.map((e) => e.scenarios.find((s) => s.name === flipped)!.status),
      ['passed', 'failed', 'passed'],
    );
    const page = readFileSync(join(out, 'history.md'), 'utf8');
    const flaky = page.slice(page.indexOf('## Flaky scenarios'), page.indexOf('## Each scenario'));
    const flagged = [...flaky.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    const escaped = flipped
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    deepStrictEqual(flagged, [escaped]);
    match(flaky, /changed without cause in run 2, 3/);
    strictEqual((page.match(/<tr><td>\d<\/td>/g) ?? []).length, 3, 'three runs listed');
    match(page, /<svg viewBox/);
    const sidebar = JSON.parse(readFileSync(join(out, 'sidebar.json'), 'utf8')) as { run: string[] };
    ok(sidebar.run.includes('generated/history'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const result = (status: ScenarioResult['status']): ScenarioResult => ({
  feature: 'features/a.feature',
  name: 'A',
  page: 'features/a',
  anchor: 'a',
  status,
  milliseconds: 1,
  endState: 'e',
  trace: 't',
});

const entry = (run: string, status: ScenarioResult['status'], feature: string, model = 'm'): HistoryEntry => ({
  version: 1,
  run,
  startedAt: run,
  commit: null,
  milliseconds: 10,
  success: status === 'passed',
  stepsPerSecond: null,
  features: { 'features/a.feature': feature },
  model,
  scenarios: [result(status)],
});

test('a change of result with its feature or the model changed is not flaky', () => {
  const [h] = scenarioHistories([
    entry('1', 'passed', 'f1'),
    entry('2', 'failed', 'f2'),
    entry('3', 'passed', 'f2', 'm2'),
    entry('4', 'failed', 'f2', 'm2'),
  ]);
  deepStrictEqual(h!.flips, [3]);
});

test('a history file that is not one names its line and field', () => {
  const line = (change: (e: Json) => void) => {
    const e = JSON.parse(JSON.stringify(entry('1', 'passed', 'f'))) as Json;
    change(e);
    return `${JSON.stringify(entry('0', 'passed', 'f'))}\n${JSON.stringify(e)}\n`;
  };
  const cases: [(e: Json) => void, RegExp][] = [
    [(e) => (e.startedAt = ['2026']), /"startedAt" should be a string or null/],
    [(e) => (e.stepsPerSecond = '9000'), /"stepsPerSecond" should be a number of 0 or more/],
    [
      (e) => (e.scenarios[0].page = 'x" onclick="y'),
      /"scenarios\[0\]\.page" should be a page path such as "features\/application-server", not "x\\" onclick/,
    ],
    [(e) => (e.scenarios[0].anchor = 'a#b'), /"scenarios\[0\]\.anchor" should be an anchor/],
    [(e) => (e.scenarios[0].status = 'PWNED'), /"scenarios\[0\]\.status" should be a known status/],
    [(e) => delete e.model, /"run" and "model" should be strings/],
  ];
  for (const [change, problem] of cases) {
    throws(
      () => parseHistory(line(change), 'reports/history.ndjson'),
      (error: unknown) =>
        error instanceof HistoryError &&
        /^reports\/history\.ndjson:2: /.test(error.message) &&
        problem.test(error.message),
    );
  }
  throws(
    () => parseHistory(`${JSON.stringify(entry('1', 'passed', 'f'))}\n{"version": 7}\n`, 'reports/history.ndjson'),
    (error: unknown) =>
      error instanceof HistoryError && /^reports\/history\.ndjson:2: .*version 7, expected 1/.test(error.message),
  );
});
