/**
 * The servers of a WIM/EIM deployment and the paths through them. A deployment is data: the servers it has,
 * each by its instance name, up or down. Every server role has one instance named after it (the source's
 * single-server deployment); only the Application server scales out, with more instances named "Application 2",
 * "Application 3" behind the Web server. Cisco's design guide makes the primary Web/App server (the hub for JMS
 * message exchange), the Services server and the Database server single points of failure (docs/sources.md);
 * the model keeps one Messaging server too, as the source's deployment has, which the guide does not say.
 * Every behaviour of the model is a rule over which of these paths is open, never over which scenario is
 * running.
 */
export const SERVERS = ['Web', 'Application', 'Messaging', 'Services', 'Database'] as const;
/** A server's role; the default deployment's instance of each role carries the role's name. */
export type Role = (typeof SERVERS)[number];
/** A server instance's name: a role, or `Application 2` and so on for the scaled-out Application servers. */
export type Server = string;

/** The three servers whose failures the source describes. */
export const FAILING_SERVERS = ['Application', 'Services', 'Messaging'] as const satisfies readonly Role[];

/** Which server instances exist, and whether each is up, in the order they joined the deployment. */
export type ServerAvailability = Record<Server, boolean>;

export function allServersUp(): ServerAvailability {
  return { Web: true, Application: true, Messaging: true, Services: true, Database: true };
}

const INSTANCE = /^(Web|Application|Messaging|Services|Database)(?: ([2-9]|[1-9]\d+))?$/;

/** Whether `name` is a server role or a numbered instance of one, such as `Application 2`. */
export function isServer(name: string): boolean {
  return INSTANCE.test(name);
}

const ROLES = new Map<Server, Role>(SERVERS.map((role) => [role, role]));

/** The role of an instance: `Application 2` is an Application server. */
export function roleOf(server: Server): Role {
  let role = ROLES.get(server);
  if (role === undefined) {
    const match = INSTANCE.exec(server);
    if (!match) throw new RangeError(`"${server}" is not a server name such as Application or Application 2`);
    role = match[1] as Role;
    if (ROLES.size < 1000) ROLES.set(server, role);
  }
  return role;
}

/** The Application server instances of a deployment, in the order they joined it. */
export function applicationServers(up: ServerAvailability): Server[] {
  return Object.keys(up).filter((server) => server.startsWith('Application'));
}

export function someApplicationUp(up: ServerAvailability): boolean {
  if (up.Application) return true;
  for (const server in up) if (up[server] && server.startsWith('Application')) return true;
  return false;
}

/**
 * The customer's window reaches `LiveCustomerServlet.egain` on the Web server, which hands over to an
 * Application server: the session's own while it is up, any other otherwise (which then knows no such session).
 */
export const customerReachesApplication = (up: ServerAvailability): boolean => up.Web! && someApplicationUp(up);

/** The agent console is served the same way: browser, Web server, Application server. (inferred) */
export const consoleReachesApplication = (up: ServerAvailability): boolean => up.Web! && someApplicationUp(up);

/**
 * Chat messages travel from the session's Application server over JMS through the Messaging server.
 * (inferred, docs/sources.md)
 */
export const chatMessagesFlow = (up: ServerAvailability, home: Server): boolean => up[home]! && up.Messaging!;

/** A new chat is written to the database through an Application server's JMS session pool. (docs/sources.md) */
export const chatsCanBeCreated = (up: ServerAvailability): boolean =>
  customerReachesApplication(up) && up.Messaging! && up.Database!;

/** Work is routed by the External Agent Assignment Service, a Services-server process. (docs/sources.md) */
export const activitiesAreRouted = (up: ServerAvailability): boolean =>
  up.Services! && someApplicationUp(up) && up.Database!;

/** Emails are retrieved by the Services server into the database. (inferred, docs/sources.md) */
export const emailsAreRetrieved = (up: ServerAvailability): boolean => up.Services! && up.Database!;

/** Whatever the console saves (completing a chat, loading a tab) goes through an Application server to the database. */
export const consoleCanSave = (up: ServerAvailability): boolean => consoleReachesApplication(up) && up.Database!;
