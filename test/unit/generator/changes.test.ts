/**
 * "What changed": the specification run twice, the second time with one timing default of the model changed
 * (in a temporary copy of the sources), then the pages generated with the first run as baseline. The page and
 * reports/changes.md must list exactly the scenarios whose end state differs between the two messages files
 * (worked out here from the raw attachments), with the differing lines; feature pages flag exactly those.
 */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRuns } from '../../../generator/changes';
import type { ScenarioSnapshot } from '../../../generator/observable';
import { generateDocs } from '../../support/generate-docs';

const root = join(__dirname, '..', '..', '..');
const cucumber = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');

/** Feature file and scenario name → its end-state attachment's body, read straight from a messages file. */
function endStates(file: string): Map<string, string> {
  const pickles = new Map<string, string>();
  const testCases = new Map<string, string>();
  const attempts = new Map<string, string>();
  const states = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line);
    if (e.pickle) pickles.set(e.pickle.id, `${e.pickle.uri}\u0000${e.pickle.name}`);
    if (e.testCase) testCases.set(e.testCase.id, e.testCase.pickleId);
    if (e.testCaseStarted) attempts.set(e.testCaseStarted.id, e.testCaseStarted.testCaseId);
    if (e.attachment?.mediaType === 'application/vnd.chat-failure.end-state+json') {
      const name = pickles.get(testCases.get(attempts.get(e.attachment.testCaseStartedId)!)!)!;
      states.set(name, e.attachment.body);
    }
  }
  return states;
}

/** Runs cucumber in the copy; the unchanged sources must pass, a changed model may fail scenarios (exit 1). */
function run(command: string[], cwd: string, mayFail: boolean): void {
  const result = spawnSync(process.execPath, command, { cwd, encoding: 'utf8' });
  // A changed model may fail scenarios: that is part of what the page must show.
  const allowed = mayFail ? [0, 1] : [0];
  ok(allowed.includes(result.status ?? -1), `${command.join(' ')} exited with ${result.status}: ${result.stdout}`);
  // Cucumber exits 1 for a run that could not start too (support code that fails to load): it wrote no messages.
  const messages = command.find((arg) => arg.startsWith('message:'))?.slice('message:'.length);
  ok(messages && existsSync(messages), `${command.join(' ')} wrote no messages: ${result.stderr}`);
}

test('changing the "Customer not connected" delay publishes exactly the scenarios whose screens changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-changes-'));
  try {
    const copy = join(dir, 'copy');
    for (const folder of ['features', 'steps', 'model', 'diagnostics', 'diagnosis', 'plans', 'exploration']) {
      cpSync(join(root, folder), join(copy, folder), { recursive: true });
    }
    // package-lock.json too: the exploration's findings are stamped with a digest that reads it.
    const files = [
      'cucumber.js',
      'tsconfig.json',
      'package.json',
      'package-lock.json',
      'scripts/ts-node-transpiler.js',
    ];
    for (const file of files) cpSync(join(root, file), join(copy, file));
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    // The exploration checks invariants, not screens; leaving it out keeps the two runs short. The summary names
    // the scenarios that failed, should the unchanged copy fail.
    const spec = (out: string) => [
      cucumber,
      '--profile',
      'bare',
      '--format',
      `message:${out}`,
      '--format',
      'summary',
      '--tags',
      'not @invariants',
    ];
    const baseline = join(dir, 'baseline.ndjson');
    const changed = join(dir, 'changed.ndjson');
    run(spec(baseline), copy, false);
    const parameters = join(copy, 'model', 'parameters.ts');
    const source = readFileSync(parameters, 'utf8');
    ok(source.includes('customerNotConnectedAfter: 240,'), 'the default this test changes has moved');
    writeFileSync(parameters, source.replace('customerNotConnectedAfter: 240,', 'customerNotConnectedAfter: 300,'));
    run(spec(changed), copy, true);

    const out = join(dir, 'generated');
    const report = join(dir, 'changes.md');
    const generate = generateDocs(changed, dir, ['--baseline', baseline, '--changes', report]);
    strictEqual(generate.status, 0, generate.stderr);

    const before = endStates(baseline);
    const now = endStates(changed);
    deepStrictEqual([...now.keys()].sort(), [...before.keys()].sort());
    // Scenario names (two features may use the same one), of the scenarios whose end state differs.
    const expected = [...now.keys()]
      .filter((key) => now.get(key) !== before.get(key))
      .map((key) => key.split('\u0000')[1]!)
      .sort();
    ok(expected.length > 0, 'the changed default changes no end state: pick another');

    const page = readFileSync(join(out, 'changes.md'), 'utf8');
    // Each row of the page's index: kind, scenario, feature, what changed.
    const rows = [
      ...page.matchAll(
        /<tr><td>Changed<\/td><td><a href="#[^"]+">([^<]+)<\/a><\/td><td>[^<]*<\/td><td>([^<]*)<\/td><\/tr>/g,
      ),
    ];
    const unescape = (s: string) =>
      s
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const withScreens = rows.filter(([, , what]) => /screens: /.test(what!)).map(([, name]) => unescape(name!));
    deepStrictEqual(withScreens.sort(), expected);
    ok(!/<td>(Added|Removed|Renamed)<\/td>/.test(page), 'the same scenarios ran both times');
    // The differing lines, side by side: the red square before, something else now.
    match(
      page,
      /<td class="cf-diff-removed">[^<]*Customer not connected \| red square[^<]*<\/td><td class="cf-diff-added">/,
    );
    match(page, /```mermaid[\s\S]*rect rgba\(250, 204, 21, 0\.35\)[\s\S]*```/);

    const summary = readFileSync(report, 'utf8');
    for (const name of expected) ok(summary.includes(name.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)), name);
    match(summary, /- Chat list: .*Customer not connected \| red square/);

    // Feature pages flag the changed scenarios, and only those.
    let flags = 0;
    for (const file of readdirSync(join(out, 'features'))) {
      flags += (readFileSync(join(out, 'features', file), 'utf8').match(/changed since baseline/g) ?? []).length;
    }
    strictEqual(flags, rows.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const snapshot = (name: string, steps: string[], extra: Partial<ScenarioSnapshot> = {}): ScenarioSnapshot => ({
  feature: 'features/x.feature',
  featureName: 'X',
  page: 'features/x',
  anchor: name.toLowerCase(),
  name,
  steps,
  status: 'passed',
  milliseconds: 1,
  screens: [{ title: 'Chat list', lines: ['a'] }],
  trace: ['t'],
  events: [],
  ...extra,
});

test('a scenario under a new name with the same steps is renamed; others are added and removed', () => {
  const before = [snapshot('Old name', ['Given a']), snapshot('Gone', ['Given g']), snapshot('Same', ['Given s'])];
  const now = [
    snapshot('Same', ['Given s']),
    snapshot('New name', ['Given a'], { screens: [{ title: 'Chat list', lines: ['b'] }] }),
    snapshot('Fresh', ['Given f']),
  ];
  const { changes, unchanged } = compareRuns(before, now);
  strictEqual(unchanged, 1);
  deepStrictEqual(
    changes.map((c) => [c.kind, c.before?.name ?? null, c.now?.name ?? null, c.screens.map((s) => s.title)]),
    [
      ['renamed', 'Old name', 'New name', ['Chat list']],
      ['added', null, 'Fresh', []],
      ['removed', 'Gone', null, []],
    ],
  );
});
