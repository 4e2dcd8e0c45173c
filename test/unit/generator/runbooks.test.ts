/**
 * The runbooks (generator/runbooks.ts, generator/runbook-page.ts): every statement carries its mark, the marks
 * name what the register has, the source's own advice is marked as the source's, the known defects are the
 * register's, and the impact by chat phase is what the model does.
 */
import { deepStrictEqual, match, ok, strictEqual, throws } from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegister } from '../../../features/claims-register';
import { CHAT_PHASES, PHASE_ASSUMPTION, phaseImpact, type ChatPhase } from '../../../generator/chat-phases';
import { phaseMatrix } from '../../../generator/phase-matrix';
import { DEFAULT_PARAMETERS } from '../../../model/parameters';
import { phaseAssumptions, runbookMarkdown, unmarkedRunbookStatements } from '../../../generator/runbook-page';
import { RUNBOOKS, type Runbook } from '../../../generator/runbooks';
import { runbookPages } from '../../../generator/site';

const register = loadRegister();
const pages = new Map([...runbookPages('')].filter(([path]) => path.startsWith('runbooks/')));
const runbook = (slug: string): Runbook => RUNBOOKS.find((r) => r.slug === slug)!;

test('one runbook per failure of the source and per ordering the site covers, each with its page', () => {
  deepStrictEqual(
    RUNBOOKS.map((r) => r.slug),
    [
      'application-server',
      'services-server',
      'messaging-server',
      'messaging-and-application-servers',
      'all-three-servers',
      'services-then-messaging',
      'application-back-first',
      'web-server',
    ],
  );
  deepStrictEqual(
    [...pages.keys()],
    RUNBOOKS.map((r) => `runbooks/${r.slug}.md`),
  );
  // Every section of the source (failure and restoration) is covered by one runbook.
  const sections = new Set(register.claims.filter((c) => !c.premise).map((c) => c.section));
  deepStrictEqual(new Set(RUNBOOKS.flatMap((r) => r.sections)), sections);
});

test('every statement and every phase of every runbook carries its mark', () => {
  for (const [path, page] of pages) {
    deepStrictEqual(unmarkedRunbookStatements(page), [], path);
    const slug = path.replace(/^runbooks\/|\.md$/g, '');
    const { customersSee, tellCustomers, agentsSee, agentsDo, administrator, restoration } = runbook(slug);
    const statements = [customersSee, tellCustomers, agentsSee, agentsDo, administrator, restoration];
    ok(
      statements.every((list) => list.length > 0),
      `${path} says something in every section`,
    );
    ok((page.match(/class="cf-rb-statement"/g) ?? []).length >= statements.flat().length, `${path} shows them`);
    strictEqual((page.match(/class="cf-rb-phase"/g) ?? []).length, 4, `${path} has the four chat phases`);
  }
});

test('a statement without a mark is found, and a mark naming nothing in the register is an error', () => {
  const messaging = runbook('messaging-server');
  const page = runbookMarkdown(messaging, 1, register);
  // A statement written around the marking function, and a chat phase's row without its mark, are found.
  const bare = page
    .replace('<ul class="cf-rb">', '<ul class="cf-rb"><li class="cf-rb-statement">The chat comes back by itself.</li>')
    .replace(
      /(<tr class="cf-rb-phase"><th scope="row">A chat waiting for an agent) <span class="cf-rb-mark[\s\S]*?<\/details><\/span>/,
      '$1',
    );
  const found = unmarkedRunbookStatements(bare);
  deepStrictEqual(found.length, 2, found.join('\n'));
  deepStrictEqual(found[0], 'The chat comes back by itself.');
  ok(found[1]!.startsWith('A chat waiting for an agent'), found[1]);
  // Text inside a statements container but outside a marked statement is found too (statement-marks.ts's checker).
  deepStrictEqual(
    unmarkedRunbookStatements(page.replace('<span data-cf-statements>', '<span data-cf-statements>Also: ')),
    ['Also:'],
  );
  const unmarked: Runbook = { ...messaging, restoration: [{ text: 'The chat comes back by itself.', marks: [] }] };
  throws(() => runbookMarkdown(unmarked, 1, register), /names no claim and no assumption/);
  const unknown: Runbook = { ...messaging, restoration: [{ text: 'x', marks: [{ claim: 'MSG-R9' }] }] };
  throws(() => runbookMarkdown(unknown, 1, register), /names claim MSG-R9, which features\/claims.json does not have/);
  const unknownAssumption: Runbook = { ...messaging, restoration: [{ text: 'x', marks: [{ assumption: 'nope' }] }] };
  throws(() => runbookMarkdown(unknownAssumption, 1, register), /names assumption nope/);
});

test("the source's advice is marked as the source's, and advice the model infers as assumed, with its reason", () => {
  const services = pages.get('runbooks/services-server.md')!;
  for (const [advice, claim] of [
    ['Complete chat.', 'SVC-F3'],
    ['Log out.', 'SVC-F6'],
    ['Log back in once the Services server is back.', 'SVC-R1'],
  ] as const) {
    match(
      services,
      new RegExp(
        `<span class="cf-statement cf-statement-source">${advice.replace(/\./g, '\\.')} <span class="cf-mark cf-mark-source">source: <a class="cf-mark-link cf-tag-claim" href="/claims#claim-${claim.toLowerCase()}"`,
      ),
    );
  }
  // The source's own words are carried with the mark.
  match(services, /title="From the source \(Services Server Failure\): Agent must log out\."/);
  const application = pages.get('runbooks/application-server.md')!;
  match(
    application,
    /Complete the lost chat[^<]*<span class="cf-mark cf-mark-assumed">assumed: <a class="cf-mark-link cf-tag-inferred" href="\/assumptions#assumption-lost-chat-blocks-agent"/,
  );
  // Its reason, one tap away, is itself a statement resting on that assumption.
  match(
    application,
    /<details class="cf-rb-why"><summary>why<\/summary><span data-cf-statements><span class="cf-statement cf-statement-assumed">A chat at 5000\/5900 keeps an integrated agent/,
  );
});

test("the known defects are the register's claims the source marks incorrect", () => {
  const application = pages.get('runbooks/application-server.md')!;
  const known = application.slice(application.indexOf('## What is known to be wrong'));
  match(known, /claim-app-r3/);
  const messaging = pages.get('runbooks/messaging-server.md')!;
  match(messaging, /The source marks nothing as incorrect for this failure\./);
});

test('the impact by chat phase is what the model does', () => {
  const messaging = phaseImpact(runbook('messaging-server').outage, 'in progress');
  ok(messaging.down.customer.includes('[The following message could not be delivered. Try to send it again.]'));
  ok(messaging.restored.agent.includes('chat list: “Waiting for customer to reply”, green circle'));
  const application = phaseImpact(runbook('application-server').outage, 'in progress');
  ok(application.down.customer.includes('[We are having connection issues. Please wait while we try to reconnect.]'));
  ok(application.restored.customer.includes('the chat session has ended'));
  ok(application.restored.agent.includes('pop-up “Session in Progress”'));
  const services = phaseImpact(runbook('services-server').outage, 'email');
  ok(
    services.down.agent.some((line) => /^the agent cannot take the next activity: .*Services server failed/.test(line)),
    services.down.agent.join('\n'),
  );
  // The same outage always gives the same table: the model is deterministic.
  deepStrictEqual(
    phaseImpact(runbook('web-server').outage, 'waiting'),
    phaseImpact(runbook('web-server').outage, 'waiting'),
  );
});

test('each assumed phase row links to its own entry in the register, which names a parameter its rows depend on', () => {
  const anchors = new Set<string>();
  for (const rb of RUNBOOKS) {
    const page = pages.get(`runbooks/${rb.slug}.md`)!;
    const rows = page.match(/<tr class="cf-rb-phase">.*?<\/th>/g) ?? [];
    strictEqual(rows.length, CHAT_PHASES.length, rb.slug);
    CHAT_PHASES.forEach((phase, i) => {
      const ids = phaseAssumptions(rb, phase);
      const row = rows[i]!;
      if (ids === null) {
        match(row, /cf-rb-mark-source/, `${rb.slug} ${phase}`);
        return;
      }
      // The mark's first link is the phase's own entry (or the ordering's, for a chat in progress); never the
      // assumptions page without an anchor.
      const links = [...row.matchAll(/href="\/assumptions(#[^"]*)?"/g)].map((m) => m[1]);
      deepStrictEqual(
        links,
        ids.map((id) => `#assumption-${id}`),
        `${rb.slug} ${phase}`,
      );
      for (const id of ids) {
        ok(
          register.assumptions.some((a) => a.id === id),
          `${id} is in features/claims.json`,
        );
        anchors.add(id);
      }
    });
  }
  // Every phase the source does not show has its entry, and each entry's parameter is one its rows depend on:
  // another value of it changes the rows of at least one runbook.
  for (const [phase, id] of Object.entries(PHASE_ASSUMPTION) as [Exclude<ChatPhase, 'in progress'>, string][]) {
    ok(anchors.has(id), `${id} marks a row`);
    const assumption = register.assumptions.find((a) => a.id === id)!;
    const parameter = assumption.parameter as keyof typeof DEFAULT_PARAMETERS;
    ok(parameter in DEFAULT_PARAMETERS, `${id} names a model parameter`);
    const changed = RUNBOOKS.filter((rb) =>
      [1, 100_000].some(
        (value) =>
          JSON.stringify(phaseImpact(rb.outage, phase, { ...DEFAULT_PARAMETERS, [parameter]: value })) !==
          JSON.stringify(phaseImpact(rb.outage, phase)),
      ),
    );
    ok(changed.length > 0, `${id}: no runbook's "${phase}" row changes with ${parameter}`);
  }
});

test('the at-a-glance phase columns carry the same marks, each assumed cell linking to its entry', () => {
  const html = phaseMatrix();
  for (const rb of RUNBOOKS)
    for (const phase of CHAT_PHASES) {
      const ids = phaseAssumptions(rb, phase);
      if (ids) for (const id of ids) ok(html.includes(`href="/assumptions#assumption-${id}"`), `${rb.slug} ${phase}`);
    }
  ok(!/href="\/assumptions"/.test(html), 'a mark links to the assumptions page without an entry');
});
