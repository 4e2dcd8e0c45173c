/** Bounds that try every kind of the action table, small enough for a unit test (depth 7). */
import type { Bounds } from '../../exploration/state-space/bounds';

/** Every kind of the table tried: a joining instance (the setup's `server-joins`) and a count of one for every budget. */
export const EVERY_KIND: Bounds = Object.freeze<Bounds>({
  servers: ['Application 2', 'Messaging'],
  failuresPerServer: 1,
  waits: 2,
  waitSteps: [10],
  messages: 1,
  logins: 1,
  agents: 1,
  logouts: 1,
  emails: 1,
  tabs: 1,
  customers: 1,
  chatsPerCustomer: 1,
  completions: 1,
  closes: 1,
  transfers: 1,
  depth: 7,
});
