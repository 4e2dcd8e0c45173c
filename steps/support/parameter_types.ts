/** The grammar of the domain's words, in one place. */
import { defineParameterType } from '@cucumber/cucumber';
import { SERVERS, type Server } from '../../model/servers';
import { CONNECTION_ICONS, INFORMATION_TABS } from '../../model/agent-console';

/** A server by role, or a numbered Application server such as "Application 2". */
const server = `(?:${SERVERS.join('|')})(?: [2-9])?`;

defineParameterType({ name: 'server', regexp: new RegExp(server), transformer: (name: string) => name as Server });

defineParameterType({
  name: 'servers',
  regexp: new RegExp(`(?:${server})(?:(?:, | and )(?:${server}))+`),
  transformer: (list: string) => list.split(/, | and /) as Server[],
});

/** "the customer" is the default customer; any other customer is named by the address they chat from. */
defineParameterType({
  name: 'customer',
  regexp: /the customer|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/,
  transformer: (who: string) => (who === 'the customer' ? undefined : who),
});

/** "the agent" is whoever uses the console; an agent named by user name logs in as that user. */
defineParameterType({
  name: 'agent',
  regexp: /the agent|[A-Z][A-Za-z]+/,
  transformer: (who: string) => (who === 'the agent' ? undefined : who),
});

defineParameterType({ name: 'address', regexp: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/, transformer: (a: string) => a });

defineParameterType({ name: 'tab', regexp: new RegExp(INFORMATION_TABS.join('|')), transformer: (t: string) => t });

defineParameterType({ name: 'icon', regexp: new RegExp(CONNECTION_ICONS.join('|')), transformer: (i: string) => i });

defineParameterType({ name: 'duration', regexp: /\d{2}:[0-5]\d:[0-5]\d/, transformer: (d: string) => d });

/** How many times a line shows: once, twice, or a number of times. */
defineParameterType({
  name: 'times',
  regexp: /once|twice|\d+ times/,
  transformer: (times: string) => (times === 'once' ? 1 : times === 'twice' ? 2 : Number.parseInt(times, 10)),
});
