/**
 * Another Application server joins the deployment behind the Web server, which spreads new sessions over the
 * Application servers that are up. Only the Application server scales out in the model. The Cisco design guide
 * makes the primary Web/App server (the hub for JMS message exchange), the Services server and the Database
 * server single points of failure (docs/sources.md, Deployment: Failover); it does not name the Messaging server,
 * of which the model has one because the source's deployment has one.
 */
import { setServer } from '../changes';
import { roleOf, type Server } from '../servers';
import { define, serverName } from './definition';

/** The design guide's single points of failure among the roles that cannot join (docs/sources.md). */
const SINGLE_POINTS_OF_FAILURE: readonly string[] = ['Services', 'Database'];

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
    const role = roleOf(server);
    if (role !== 'Application') {
      const guide = SINGLE_POINTS_OF_FAILURE.includes(role)
        ? ", a single point of failure in Cisco's design guide"
        : '';
      return `only Application servers are added; the deployment has one ${role} server${guide}`;
    }
    return server in rt.state.servers ? `the deployment already has the ${server} server` : null;
  },
  perform: (rt, { server }) => {
    setServer(rt, server, true);
  },
  example: { action: { type: 'server-joins', server: 'Application 2' } },
  tries: {
    reads: ['servers'],
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
