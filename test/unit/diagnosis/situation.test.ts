/**
 * A situation as the playground and the outcome table name it (diagnosis/situation.ts): what failed, in the
 * model's bands, read off a trace's server events; and no server named when none failed.
 */
import { test } from 'node:test';
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { situationOfTrace, thresholdsOf } from '../../../diagnosis/situation';
import { DEFAULT_PARAMETERS } from '../../../model/parameters';
import { SERVERS } from '../../../model/servers';

const thresholds = thresholdsOf(DEFAULT_PARAMETERS);

test('a trace in which no server failed is "No server failed", naming no server', () => {
  const situation = situationOfTrace([{ type: 'agent-logged-in', at: 0 }], 30, thresholds, SERVERS);
  strictEqual(situation.text, 'No server failed');
  deepStrictEqual([situation.key, situation.down, situation.back, situation.failed], ['', [], [], 0]);
});

test('a server down, and one that was down and is back, each with its band', () => {
  const situation = situationOfTrace(
    [
      { type: 'server-failed', at: 0, server: 'Messaging' },
      { type: 'server-failed', at: 10, server: 'Application' },
      { type: 'server-restored', at: 40, server: 'Application' },
    ],
    100,
    thresholds,
    SERVERS,
  );
  strictEqual(situation.failed, 2);
  strictEqual(situation.text.includes('undefined'), false, situation.text);
  strictEqual(situation.down[0]?.server, 'Messaging');
  strictEqual(situation.back[0]?.server, 'Application');
});
