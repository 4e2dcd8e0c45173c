/**
 * The playground's presets: every one is a plan the model runs to its end with no step refused, the premise is
 * the features' Background (JDoe logged in, chatting), and each failure preset ends with its servers down.
 */
import { test } from 'node:test';
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { PREMISE, PRESETS } from '../../../src/components/Playground/presets';
import { replay } from '../../../src/components/Playground/session';

test('every preset replays with no step refused', () => {
  for (const preset of PRESETS) {
    const { refused, plan } = replay(preset.plan);
    equal(refused, null, `${preset.id}: ${JSON.stringify(refused)}`);
    equal(plan.length, preset.plan.length, preset.id);
  }
  equal(new Set(PRESETS.map((p) => p.id)).size, PRESETS.length, 'preset ids are unique');
});

test('the premise is an agent logged in with an active customer chat', () => {
  const view = replay(PREMISE).deployment.view();
  equal(view.console.agent, 'JDoe');
  equal(view.console.chatList.length, 1);
  ok(view.customers[0]!.inSession);
});

test('there is a preset for each of the source’s ten sections, and the orderings', () => {
  for (let section = 1; section <= 10; section++) {
    ok(
      PRESETS.some((p) => p.label.startsWith(`${section}. `)),
      `no preset for section ${section}`,
    );
  }
  ok(PRESETS.some((p) => p.label.startsWith('Orderings')));
  const down = (id: string) =>
    Object.entries(replay(PRESETS.find((p) => p.id === id)!.plan).deployment.view().servers)
      .filter(([, state]) => state === 'down')
      .map(([server]) => server)
      .sort();
  deepStrictEqual(down('messaging-failure'), ['Messaging']);
  deepStrictEqual(down('all-three-failure'), ['Application', 'Messaging', 'Services']);
  deepStrictEqual(down('all-three-restored'), []);
  const red = replay(PRESETS.find((p) => p.id === 'all-three-failure')!.plan).deployment.view().console.chatList[0]!;
  equal(red.icon, 'red square');
});
