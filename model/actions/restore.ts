/** A failed server instance is brought back. What it held in memory (sessions) stays lost. */
import { setServer } from '../changes';
import type { Server } from '../servers';
import { define, serverName, unknownServer } from './definition';

export interface Restore {
  readonly type: 'restore';
  readonly server: Server;
}

export const restore = define<Restore>({
  type: 'restore',
  actor: 'Operator',
  fields: { server: serverName },
  words: (action) => `the ${action.server} server is restored`,
  cannot: (action) => `the ${action.server} server cannot be restored`,
  refusal: (rt, { server }) =>
    unknownServer(rt, server) ?? (rt.state.servers[server] ? `the ${server} server is already up` : null),
  perform: (rt, { server }) => {
    setServer(rt, server, true);
    rt.record({ type: 'server-restored', server });
  },
  example: { after: [{ type: 'fail', server: 'Messaging' }], action: { type: 'restore', server: 'Messaging' } },
  tries: {
    reads: ['servers'],
    weight: 6,
    candidates: (state, cast) => cast.servers.filter((server) => state.servers[server] === false).map(restoreOf),
  },
  controls: (state) =>
    Object.keys(state.servers)
      .map((server, rank) => ({ server, rank }))
      .filter(({ server }) => !state.servers[server])
      .map(({ server, rank }) => ({
        id: `restore-${server}`,
        group: 'servers',
        label: `Restore the ${server} server`,
        made: restoreOf(server),
        rank,
      })),
});

function restoreOf(server: Server): Restore {
  return { type: 'restore', server };
}
