/** A server instance fails: an operator's fault, or the lab's pulled plug. */
import { setServer } from '../changes';
import type { Server } from '../servers';
import { define, serverName, unknownServer } from './definition';

export interface Fail {
  readonly type: 'fail';
  readonly server: Server;
}

export const fail = define<Fail>({
  type: 'fail',
  actor: 'Operator',
  fields: { server: serverName },
  words: (action) => `the ${action.server} server fails`,
  cannot: (action) => `the ${action.server} server cannot fail`,
  refusal: (rt, { server }) =>
    unknownServer(rt, server) ?? (rt.state.servers[server] ? null : `the ${server} server is already down`),
  perform: (rt, { server }) => {
    setServer(rt, server, false);
    rt.record({ type: 'server-failed', server });
  },
  example: { action: { type: 'fail', server: 'Messaging' } },
  tries: {
    reads: ['servers'],
    weight: 6,
    budget: { count: 'failuresPerServer', otherwise: 1, per: { list: 'servers', of: (action) => action.server } },
    candidates: (state, cast) => cast.servers.filter((server) => state.servers[server] === true).map(failOf),
  },
  controls: (state) =>
    Object.keys(state.servers)
      .map((server, rank) => ({ server, rank }))
      .filter(({ server }) => state.servers[server])
      .map(({ server, rank }) => ({
        id: `fail-${server}`,
        group: 'servers',
        label: `Fail the ${server} server`,
        made: failOf(server),
        rank,
      })),
});

function failOf(server: Server): Fail {
  return { type: 'fail', server };
}
