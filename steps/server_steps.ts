/** Servers failing and coming back, and time passing. */
import { Then, When } from '@cucumber/cucumber';
import type { Server } from '../model/servers';
import type { DeploymentWorld } from './support/world';

When('the {server} server fails', function (this: DeploymentWorld, server: Server) {
  this.perform({ type: 'fail', server });
});

When('the {servers} servers fail', function (this: DeploymentWorld, servers: Server[]) {
  this.perform(...servers.map((server) => ({ type: 'fail' as const, server })));
});

When('the {server} server is restored', function (this: DeploymentWorld, server: Server) {
  this.perform({ type: 'restore', server });
});

When('the {servers} servers are restored', function (this: DeploymentWorld, servers: Server[]) {
  this.perform(...servers.map((server) => ({ type: 'restore' as const, server })));
});

When('the {server} server joins the deployment', function (this: DeploymentWorld, server: Server) {
  this.perform({ type: 'server-joins', server });
});

When('{int} minute(s) pass(es)', function (this: DeploymentWorld, minutes: number) {
  this.perform({ type: 'wait', seconds: minutes * 60 });
});

When('{int} second(s) pass(es)', function (this: DeploymentWorld, seconds: number) {
  this.perform({ type: 'wait', seconds });
});

When('the chat has lasted {duration}', function (this: DeploymentWorld, duration: string) {
  this.waitUntilChatHasLasted(duration);
});

When('the chat with {address} has lasted {duration}', function (this: DeploymentWorld, who: string, duration: string) {
  this.waitUntilChatHasLasted(duration, who);
});

/** Which Application server holds a customer's chat session: the Web server's choice when the chat began. */
Then("{address}'s chat is on the {server} server", function (this: DeploymentWorld, who: string, server: Server) {
  const window = this.deployment.inspect().windows.find((w) => w.address === who);
  const session = this.deployment.inspect().sessions.find((s) => s.activityId === window?.activityId);
  if (!session) throw new Error(`${who} has no chat session`);
  if (session.home !== server) throw new Error(`${who}'s chat is on the ${session.home} server, not ${server}`);
});

/** Which Application server holds an agent's login session. */
Then("{agent}'s login is on the {server} server", function (this: DeploymentWorld, agent: string, server: Server) {
  const console = this.deployment.inspect().consoles.find((c) => c.agentUserName === agent);
  if (console?.login !== 'logged in') throw new Error(`${agent} is not logged in`);
  if (console.home !== server) throw new Error(`${agent}'s login is on the ${console.home} server, not ${server}`);
});

When('the operator tries to fail the {server} server', function (this: DeploymentWorld, server: Server) {
  this.attempt({ type: 'fail', server });
});

When('the operator tries to restore the {server} server', function (this: DeploymentWorld, server: Server) {
  this.attempt({ type: 'restore', server });
});
