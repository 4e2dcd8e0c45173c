/**
 * The servers of a WIM/EIM deployment and the paths through them. Every behaviour of the model is a rule over
 * which of these paths is open, never over which scenario is running.
 */
export const SERVERS = ['Web', 'Application', 'Messaging', 'Services', 'Database'] as const;
export type Server = (typeof SERVERS)[number];

/** The three servers whose failures the source describes. */
export const FAILING_SERVERS = ['Application', 'Services', 'Messaging'] as const satisfies readonly Server[];

export type ServerAvailability = Record<Server, boolean>;

export function allServersUp(): ServerAvailability {
  return { Web: true, Application: true, Messaging: true, Services: true, Database: true };
}

export function isServer(name: string): name is Server {
  return (SERVERS as readonly string[]).includes(name);
}

/** The customer's window reaches `LiveCustomerServlet.egain` on the Web server, which hands over to the Application server. */
export const customerReachesApplication = (up: ServerAvailability): boolean => up.Web && up.Application;

/** The agent console is served the same way: browser, Web server, Application server. (inferred) */
export const consoleReachesApplication = (up: ServerAvailability): boolean => up.Web && up.Application;

/** Chat messages travel from the Application server over JMS through the Messaging server. (inferred, DOMAIN.md) */
export const chatMessagesFlow = (up: ServerAvailability): boolean => up.Application && up.Messaging;

/** A new chat is written to the database through the Application server's JMS session pool. (DOMAIN.md) */
export const chatsCanBeCreated = (up: ServerAvailability): boolean =>
  customerReachesApplication(up) && up.Messaging && up.Database;

/** Work is routed by the External Agent Assignment Service, a Services-server process. (DOMAIN.md) */
export const activitiesAreRouted = (up: ServerAvailability): boolean => up.Services && up.Application && up.Database;

/** Emails are retrieved by the Services server into the database. (inferred, DOMAIN.md) */
export const emailsAreRetrieved = (up: ServerAvailability): boolean => up.Services && up.Database;

/** Whatever the console saves (completing a chat, loading a tab) goes through the Application server to the database. */
export const consoleCanSave = (up: ServerAvailability): boolean => consoleReachesApplication(up) && up.Database;
