/**
 * Nothing found is lost: `npm run fuzz` and `npm run explore` print what they found before they write their
 * report, a report that cannot be written (a full disk: /dev/full) is named in one line that says the result
 * above stands, and a report is written whole or not at all (temporary file, then rename). The runs below find a
 * counterexample because the child process is given a seeded defect (seeded-defect.ts).
 */
import { test } from 'node:test';
import { equal, match, ok, throws } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readShardReport } from '../../../exploration/state-space/shard-report-reading';
import { EXIT } from '../../../scripts/exit-status';
import { WriteFailed, writeAtomically } from '../../../scripts/files';

const root = join(__dirname, '..', '..', '..');

function run(script: 'fuzz' | 'explore', env: Record<string, string>, defect = true, args: string[] = []) {
  const preload = defect ? ['--require', './test/support/seeded-defect.ts'] : [];
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of Object.keys(childEnv)) if (/^(FUZZ|EXPLORE)_/.test(name) && !(name in env)) delete childEnv[name];
  return spawnSync(process.execPath, ['--require', 'ts-node/register', ...preload, `scripts/${script}.ts`, ...args], {
    cwd: root,
    env: childEnv,
    encoding: 'utf8',
  });
}

for (const [script, variable] of [
  ['fuzz', 'FUZZ_REPORT'],
  ['explore', 'EXPLORE_REPORT'],
] as const) {
  test(`${variable}=/dev/full with a seeded defect prints the counterexample and names the file it could not write`, () => {
    const result = run(script, { [variable]: '/dev/full', FUZZ_RUNS: '200', FUZZ_SEED: '1' });
    match(result.stdout, /\nInvariant broken: [^\n]+\n/);
    match(result.stdout, /Then every invariant holds\n/);
    equal(
      result.stderr,
      `npm run ${script}: could not write the report ${variable}=/dev/full (ENOSPC: no space left on device); ` +
        'the result printed above stands, and no report was left in its place\n',
    );
    equal(result.status, EXIT.counterexample);
    ok(statSync('/dev/full').isCharacterDevice(), 'the device is still a device');
  });
}

test('a report in a folder not made yet is made, complete, and checks as complete; a folder is refused first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nothing-lost-'));
  const file = join(dir, 'not', 'yet', 'fuzz-2.json');
  const result = run('fuzz', { FUZZ_REPORT: file, FUZZ_RUNS: '200', FUZZ_SEED: '1', FUZZ_SHARD: '2/4' });
  equal(result.status, EXIT.counterexample, result.stderr);
  const report = readShardReport(readFileSync(file, 'utf8'), file);
  equal(report.shard?.index, 1);
  match(report.counterexample?.text ?? '', /^Invariant broken: /);
  equal(readdirSync(join(dir, 'not', 'yet')).join(), 'fuzz-2.json', 'no temporary file is left beside it');
  const checked = run('explore', {}, false, ['--check', file]);
  equal(checked.status, 0, checked.stderr);
  match(checked.stdout, /fuzz-2\.json: a complete fuzz report of shard 2\/4, with a counterexample\n$/);
  // What a full disk leaves: an empty or cut report is not complete, and --check says so by name.
  for (const text of ['', readFileSync(file, 'utf8').slice(0, 100)]) {
    writeFileSync(file, text);
    const cut = run('explore', {}, false, ['--check', file]);
    equal(cut.status, EXIT.wrongInput);
    match(cut.stderr, /^npm run explore: \S+fuzz-2\.json: not a complete JSON report \([^\n]*\)\n$/);
  }
  const folder = run('fuzz', { FUZZ_REPORT: dir, FUZZ_RUNS: '200' }, false);
  equal(folder.status, EXIT.wrongInput);
  equal(folder.stdout, '', 'refused before anything ran');
  match(folder.stderr, /^npm run fuzz: FUZZ_REPORT=\S+: it is a folder; give the path of a file to write\n$/);
});

test('writeAtomically: a regular file replaced whole; a device written to, never replaced; a failure names the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
  const file = join(dir, 'report.json');
  writeFileSync(file, 'the last complete report');
  writeAtomically(file, 'the new report');
  equal(readFileSync(file, 'utf8'), 'the new report');
  writeAtomically('/dev/null', 'into the device');
  ok(statSync('/dev/null').isCharacterDevice());
  const through = join(file, 'inside.json');
  throws(
    () => writeAtomically(through, 'x'),
    (e: unknown) => e instanceof WriteFailed && e.file === through && /^ENOTDIR: /.test(e.reason),
  );
  mkdirSync(join(dir, 'folder'));
  throws(
    () => writeAtomically(join(dir, 'folder'), 'x'),
    (e: unknown) => e instanceof WriteFailed && /^EISDIR/.test(e.reason),
  );
  equal(readdirSync(dir).sort().join(), 'folder,report.json', 'no temporary file is left after a failure');
});
