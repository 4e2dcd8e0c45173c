/**
 * The diagnosis index checked both ways (issue 23, item 4): over every state of `npm run explore`'s default bounds,
 * what the state shows, diagnosed, includes the state's own failure history, ranked first or behind situations
 * that show the same and rank higher (counted and printed); every option the page offers is reachable; and every
 * scenario of the source's features, its end state diagnosed, gives back its own failure's page.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { loadRegister } from '../../../features/claims-register';
import { buildDiagnosisIndex } from '../../../diagnosis/build-index';
import { Diagnoser, type Answer, type Candidate } from '../../../diagnosis/lookup';
import { observationsOf } from '../../../diagnosis/observations';
import { DEFAULT_BOUNDS } from '../../../exploration/state-space/bounds';
import { END_STATE_MEDIA_TYPE, PLAN_MEDIA_TYPE } from '../../../model/media-types';
import type { Action } from '../../../model/actions';
import type { DeploymentView } from '../../../model/views';
import { currentIndex } from '../../../scripts/diagnosis-index';

const root = join(__dirname, '..', '..', '..');
const features = readdirSync(join(root, 'features'))
  .filter((name) => name.endsWith('.feature'))
  .sort()
  .map((name) => ({ name: name.replace(/\.feature$/, ''), text: readFileSync(join(root, 'features', name), 'utf8') }));

/**
 * What is wrong, if anything, with the answer to everything a state of situation `own` shows: its own situation must
 * be listed, as showing exactly that; and be first (alone, or tied by the rule, which the answer reports), or behind
 * only situations that show exactly the same too (so no observation the index knows tells them apart), that the
 * rule ranks above it, and that the answer reports as such a tie (`exact`, counted in `answer.exact`).
 */
function roundTripFault(answer: Answer, own: string): string | null {
  const at = answer.candidates.findIndex((c) => c.situation.key === own);
  if (at < 0) return 'its own situation is not listed';
  const candidate = answer.candidates[at]!;
  if (!candidate.exact) return 'its own situation is not listed as showing exactly this';
  if (candidate.rank === 1) return null;
  // The stated rule, read off the index as built (a broken ranking below changes the situations the lookup reads).
  const rule = (c: Candidate) => {
    const { failed, length } = ruleOf.get(c.situation.key)!;
    return [failed, length];
  };
  for (const above of answer.candidates.filter((c) => c.rank < candidate.rank)) {
    if (!above.exact) return `"${above.situation.text}" ranks above it, and something seen would tell them apart`;
    const [a, b] = [rule(above), rule(candidate)];
    if (!(a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!))) {
      return `"${above.situation.text}" is listed above it, and the rule does not rank it higher`;
    }
  }
  if (answer.exact < candidate.rank) return 'the answer does not report the situations that show exactly the same';
  return null;
}

/** Per set of observations a state of the default bounds shows: how many states of each situation show exactly it. */
const shown = new Map<string, Map<string, number>>();
let states = 0;
const defaultIndex = buildDiagnosisIndex({
  bounds: DEFAULT_BOUNDS,
  register: loadRegister(),
  features,
  onState: ({ observations, situation }) => {
    states++;
    const key = observations.join('\n');
    const counts = shown.get(key) ?? new Map<string, number>();
    counts.set(situation, (counts.get(situation) ?? 0) + 1);
    shown.set(key, counts);
  },
});

const ruleOf = new Map(defaultIndex.situations.map((s) => [s.key, s]));

/**
 * Every state's round trip through `diagnoser`, with everything it shows picked (`complete`, unless a test breaks
 * the ranking by leaving it out): the faults found, and how the states' own situations were ranked.
 */
function roundTrip(diagnoser: Diagnoser, complete = true) {
  const byId = new Map(diagnoser.index.observations.map((o) => [o.id, o]));
  const faults: string[] = [];
  let [first, tied, behind] = [0, 0, 0];
  for (const [key, counts] of shown) {
    const picked = key ? key.split('\n').map((id) => byId.get(id)!) : [];
    const answer = diagnoser.diagnose(picked, { rankOnly: true, complete });
    for (const [situation, n] of counts) {
      const fault = roundTripFault(answer, situation);
      if (fault) faults.push(`a state of "${situation}" showing ${key.replace(/\n/g, ', ')}: ${fault}`);
      const rank = answer.candidates.find((c) => c.situation.key === situation)?.rank;
      if (rank === 1 && answer.tiedFirst === 1) first += n;
      else if (rank === 1) tied += n;
      else behind += n;
    }
  }
  return { faults, first, tied, behind };
}

test('every state of the default bounds, diagnosed from what it shows, gives its own situation first or tied', () => {
  strictEqual(states, defaultIndex.explored.states, 'every state was seen once');
  const { faults, first, tied, behind } = roundTrip(new Diagnoser(defaultIndex));
  deepStrictEqual(faults.slice(0, 5), []);
  strictEqual(first + tied + behind, states);
  console.log(
    `round trip over ${states} states (${defaultIndex.situations.length} situations): ${first} diagnosed first alone, ` +
      `${tied} first tied by the rule, ${behind} behind only situations that show exactly the same and rank higher`,
  );
});

test('the round trip fails on a state whose own situation is ranked below one that something seen tells apart', () => {
  // Broken: situations that show more than the state (something seen would tell them apart) ranked with the rest.
  const { faults } = roundTrip(new Diagnoser(defaultIndex), false);
  ok(
    faults.some((fault) => fault.includes('something seen would tell them apart')),
    faults.slice(0, 3).join('\n'),
  );
  // Broken: the rule turned round (most servers failed first, then the longest outages).
  const reversed = {
    ...defaultIndex,
    situations: defaultIndex.situations.map((s) => ({ ...s, failed: 9 - s.failed, length: 99 - s.length })),
  };
  const turned = roundTrip(new Diagnoser(reversed)).faults;
  ok(
    turned.some((fault) => fault.includes('the rule does not rank it higher')),
    turned.slice(0, 3).join('\n'),
  );
});

test('every option the page offers is reachable, and the vocabulary is what the states show', () => {
  const { index } = currentIndex();
  const diagnoser = new Diagnoser(index);
  for (const o of index.observations) {
    ok(diagnoser.diagnose([o]).candidates.length > 0, `"${o.id}" is offered but no situation shows it`);
  }
  strictEqual(new Set(index.observations.map((o) => o.id)).size, index.observations.length);
});

test("every scenario of the failures' features, its end state diagnosed, gives back its own failure", async () => {
  const { index } = currentIndex();
  const diagnoser = new Diagnoser(index);
  const runbooks = new Set(index.situations.flatMap((s) => (s.runbook ? [s.runbook.href] : [])));
  const own = features.filter((f) => runbooks.has(`/features/${f.name.replace(/_/g, '-')}/`));
  ok(own.length >= 5, `the runbooks name ${own.length} features`);
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: own.map((f) => `features/${f.name}.feature`),
        require: ['steps/**/*.ts'],
        requireModule: [],
        format: [],
        strict: true,
      },
    },
    { cwd: root },
  );
  const uriOf = new Map<string, string>();
  const views = new Map<string, { uri: string; name: string; view: DeploymentView }>();
  /** Per scenario run, the servers its plan fails; `null` when it fails one the index does not (Web, Database). */
  const failedIn = new Map<string, string | null>();
  const names = new Map<string, string>();
  const onMessage = (envelope: Envelope) => {
    if (envelope.pickle) {
      uriOf.set(envelope.pickle.id, envelope.pickle.uri);
      names.set(envelope.pickle.id, envelope.pickle.name);
    }
    if (envelope.testCase) uriOf.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted) uriOf.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
    const attachment = envelope.attachment;
    const started = attachment?.testCaseStartedId;
    if (attachment?.mediaType === PLAN_MEDIA_TYPE && started) {
      const plan = JSON.parse(attachment.body) as Action[];
      const failed = new Set(plan.flatMap((step) => (step.type === 'fail' ? [step.server] : [])));
      const outside = [...failed].filter((server) => !index.servers.includes(server));
      failedIn.set(started, outside.length ? null : index.servers.filter((server) => failed.has(server)).join('+'));
    }
    if (attachment?.mediaType === END_STATE_MEDIA_TYPE && started) {
      const pickle = uriOf.get(uriOf.get(started)!)!;
      views.set(started, { uri: uriOf.get(pickle)!, name: names.get(pickle)!, view: JSON.parse(attachment.body) });
    }
  };
  await runCucumber(runConfiguration, { cwd: root }, onMessage);
  // A scenario run with other timing parameters attaches no plan: the index is of the default parameters.
  const ends = [...views].flatMap(([started, end]) => {
    const failed = failedIn.get(started);
    return typeof failed === 'string' ? [{ ...end, failed }] : [];
  });
  const otherParameters = [...views.keys()].filter((started) => !failedIn.has(started)).length;
  const otherServers = [...views.keys()].filter((started) => failedIn.get(started) === null).length;
  ok(ends.length > 20, `${ends.length} end states`);
  /** The servers a situation failed (down now or back), as the plans' are written. */
  const failedOf = (key: string) =>
    key
      .split(',')
      .flatMap((part, i) => (part === 'u' ? [] : [index.servers[i]!]))
      .join('+');
  const known = new Map(index.observations.map((o) => [o.id, o]));
  const outside: string[] = [];
  const beyond: string[] = [];
  for (const end of ends) {
    const seen = observationsOf(end.view);
    const unknown = seen.filter((o) => !known.has(o.id));
    if (unknown.length) outside.push(`${end.name}: ${unknown.map((o) => o.id).join(', ')}`);
    const answer = diagnoser.diagnose(seen.filter((o) => known.has(o.id)));
    // An end state beyond the index's bounds (a second chat, more messages) fits no explored situation: then the
    // answer says nothing fits, and its own failure must be among the nearest it lists.
    const found = answer.candidates.length
      ? answer.candidates.map((c) => c.situation)
      : answer.nearest.map((n) => n.situation);
    if (!answer.candidates.length) beyond.push(`${end.name} (${end.uri})`);
    ok(
      found.some((situation) => failedOf(situation.key) === end.failed),
      `"${end.name}" (${end.uri}) is not diagnosed as its own failure (${end.failed}): it shows ` +
        `${seen.map((o) => o.id).join(', ')}; ${answer.candidates.length} fit, first ${found[0]?.text}`,
    );
  }
  console.log(
    `${ends.length} end states diagnosed (${otherParameters} more ran with other timing parameters, ${otherServers} failed a server the index does not); ${beyond.length} fit no explored situation and were found among the nearest:\n  ${beyond.join('\n  ')}`,
  );
  console.log(
    `${ends.length} end states diagnosed; ${outside.length} show what the index's bounds never reach, left out of their diagnosis:\n  ${outside.join('\n  ')}`,
  );
});

test('when nothing fits, the answer says so and lists the nearest situations with what they do not show', () => {
  const { index } = currentIndex();
  const diagnoser = new Diagnoser(index);
  const pair = index.observations
    .flatMap((a, i) => index.observations.slice(i + 1).map((b) => [a, b] as const))
    .find((p) => diagnoser.diagnose(p).candidates.length === 0);
  ok(pair, 'some two observations are never seen together');
  const answer = diagnoser.diagnose(pair);
  ok(answer.nearest.length > 0);
  for (const near of answer.nearest) ok(near.missing.length > 0 && near.missing.every((o) => pair.includes(o)));
});

test('npm run diagnose names unknown words in one line with the nearest known observations', () => {
  const run = spawnSync(
    process.execPath,
    ['--require', 'ts-node/register', 'scripts/diagnose.ts', '--see', 'yelow triangel'],
    { cwd: root, encoding: 'utf8' },
  );
  strictEqual(run.status, 2);
  strictEqual(run.stderr.trim().split('\n').length, 1, run.stderr);
  ok(run.stderr.includes('"chat icon: yellow triangle"'), run.stderr);
  const rows = spawnSync(
    process.execPath,
    ['--require', 'ts-node/register', 'scripts/diagnose.ts', '--rows', '-', '--json'],
    { cwd: root, encoding: 'utf8', input: 'activity_id\tactivity_status\tactivity_sub_status\n1347\t5000\t5900\n' },
  );
  strictEqual(rows.status, 0, rows.stderr);
  deepStrictEqual(JSON.parse(rows.stdout).picked, ['open-chats query: a chat at 5000/5900']);
});
