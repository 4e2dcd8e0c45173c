/**
 * Another Application server joins the deployment behind the Web server, which spreads new sessions over the
 * Application servers that are up. Only the Application server scales out: the Cisco design guide makes the
 * Messaging, Services and Database servers single points of failure (docs/sources.md, Deployment: Failover).
 */
import { setServer } from '../changes';
import { roleOf, type Server } from '../servers';
import { define, serverName } from './definition';

export interface ServerJoins {
  readonly type: 'server-joins';
  readonly server: Server;
}

export const serverJoins = define<ServerJoins>({
  type: 'server-joins',
  actor: 'Operator',
  fields: { server: serverName },
  words: (action) => `the ${action.server} server joins the deployment`,
  cannot: (action) => `the ${action.server} server cannot join the deployment`,
  refusal: (rt, { server }) => {
    if (roleOf(server) !== 'Application') {
      return `only Application servers are added; the ${roleOf(server)} server is a single point of failure`;
    }
    return server in rt.state.servers ? `the deployment already has the ${server} server` : null;
  },
  perform: (rt, { server }) => {
    setServer(rt, server, true);
  },
  example: { action: { type: 'server-joins', server: 'Application 2' } },
  tries: {
    weight: 1,
    candidates: (state, cast) =>
      cast.servers.filter((server) => !(server in state.servers)).map((server) => ({ type: 'server-joins', server })),
  },
  controls: (state) => {
    let n = 2;
    while (`Application ${n}` in state.servers) n++;
    const server = `Application ${n}`;
    return [
      {
        id: 'server-joins',
        group: 'servers',
        label: `Add the ${server} server`,
        made: { type: 'server-joins', server },
        rank: Object.keys(state.servers).length,
      },
    ];
  },
});
