/**
 * The scripts read their command lines with node's util.parseArgs: an option without its value, an unknown
 * option, a stray argument or two options that contradict each other is one line naming it (exit status 2),
 * never a stack trace and never an option's name taken for a file.
 */
import { test } from 'node:test';
import { equal, match, ok, throws } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ExploreInputError, exploreInputs } from '../../../scripts/explore-inputs';
import { anyText } from '../../../generator/hostile-values';
import { GENERATE_DOCS } from '../../support/generate-docs';

const root = join(__dirname, '..', '..', '..');
const node = (args: readonly string[]) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CHAT_KB_LOCK_WAIT: '0' } });

test('docs:generate: --baseline with no value, or followed by another option, is one line', () => {
  const cases: [string[], RegExp][] = [
    [['--baseline'], /^generate-docs: Option '--baseline <value>' argument missing\. Options: --messages FILE, /],
    [['--baseline', '--out', 'x'], /^generate-docs: Option '--baseline' argument is ambiguous\. Options: /],
    [['--frob'], /^generate-docs: Unknown option '--frob'\. Options: /],
    [['stray'], /^generate-docs: Unexpected argument 'stray'\. This command does not take positional arguments\. /],
    [['--no-history', '--history', 'h'], /^generate-docs: --no-history and --history contradict each other: give one$/],
    [['--messages', ''], /^generate-docs: --messages needs a file, not an empty value$/],
    [
      ['--hostile-seed', '0x10'],
      /^generate-docs: --hostile-seed "0x10" is not a seed: a whole number from -2,147,483,648 to /,
    ],
    [['--hostile-seed', '2147483648'], /^generate-docs: --hostile-seed "2147483648" is not a seed: /],
    [['--hostile-seed', '\u202e1'], /^generate-docs: --hostile-seed "\\u202e1" is not a seed: /],
  ];
  for (const [args, message] of cases) {
    const run = node([...GENERATE_DOCS, ...args]);
    equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    equal(run.stdout, '');
    match(run.stderr.trimEnd(), message);
    equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  }
});

test('explore: --merge with no file, an unknown option or a stray argument is one line', () => {
  const cases: [string[], RegExp][] = [
    [['--merge'], /^npm run explore: --merge needs the shards' report files$/],
    [['--check'], /^npm run explore: --check needs the report files to check$/],
    [['--baseline'], /^npm run explore: Unknown option '--baseline' \(it takes --merge <report files>, --check/],
    [['stray'], /^npm run explore: unexpected argument "stray"/],
    [['--merge', '--check', 'a.json'], /^npm run explore: --merge and --check are two commands: give one/],
  ];
  for (const [args, message] of cases) {
    const run = node(['--require', 'ts-node/register', 'scripts/explore.ts', ...args]);
    equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    match(run.stderr.trimEnd(), message);
    equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  }
});

test('any text in EXPLORE_BOUNDS, EXPLORE_SHARD or EXPLORE_REPORT is read or one line naming the variable', () => {
  equal(exploreInputs({}).name, 'default');
  throws(
    () => exploreInputs({ EXPLORE_BOUNDS: 'constructor' }),
    /^Error: EXPLORE_BOUNDS="constructor" is not one of default, deep/,
  );
  throws(() => exploreInputs({ EXPLORE_REPORT: tmpdir() }), /EXPLORE_REPORT=\S+: it is a folder/);
  let tried = 0;
  fc.assert(
    fc.property(fc.constantFrom('EXPLORE_BOUNDS', 'EXPLORE_SHARD', 'EXPLORE_REPORT'), anyText, (name, raw) => {
      tried++;
      try {
        exploreInputs({ [name]: raw });
      } catch (error) {
        ok(error instanceof ExploreInputError, String(error));
        ok(error.message.startsWith(name) && !error.message.includes('\n'), error.message);
      }
    }),
    { numRuns: 500, seed: 20110712 },
  );
  equal(tried, 500);
});
