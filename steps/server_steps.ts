/** Servers failing and coming back, and time passing. */
import { When } from '@cucumber/cucumber';
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
