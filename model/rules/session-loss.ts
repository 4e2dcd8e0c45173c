/**
 * Sessions live in their Application server's memory: when it is down, the chats and agent logins it held are
 * gone, whatever comes back later (design guide: users of a failed Application server get a new session and
 * must log in again, docs/sources.md). A console's registration with routing lapses while the Services server is
 * down and is renewed only by logging in again.
 */
import { endSession } from '../effects';
import { touchConsole } from '../changes';
import type { Rule } from './rule';

export const sessionLoss: Rule = {
  name: 'sessions die with their Application server',
  settle(rt, changes) {
    const { servers } = rt.state;
    for (const console of changes.consoles()) {
      let changed = false;
      if (console.login === 'logged in' && !servers[console.home!]) {
        console.login = 'session lost';
        changed = true;
      }
      if (!servers.Services && console.registeredForRouting) {
        console.registeredForRouting = false;
        changed = true;
      }
      if (changed) touchConsole(rt, console);
    }
    const sessions = changes.sessions();
    if (sessions.length === 0 || allApplicationsUp(servers)) return;
    for (const session of sessions)
      if (session.ended === null && !servers[session.home]) endSession(rt, session, 'lost');
  },
};

function allApplicationsUp(servers: Readonly<Record<string, boolean>>): boolean {
  for (const server in servers) if (!servers[server] && server.startsWith('Application')) return false;
  return true;
}
