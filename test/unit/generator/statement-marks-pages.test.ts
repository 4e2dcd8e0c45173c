/**
 * Every generated surface that tells a reader what someone sees or does marks each statement as the source's or
 * assumed: the "In an outage" tables of the feature pages and the known-defects and inferred lists, from a run
 * of the project's own features, the playground's outcomes (from the table read off that run), and the home
 * page's failures table, written by hand. The known-defects list holds
 * only the source's incorrect behaviour.
 */
import { test } from 'node:test';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { loadClaims, loadRegister } from '../../../features/claims-register';
import { inferredPage, knownDefectsPage } from '../../../generator/list-pages';
import { parseMessages } from '../../../generator/messages';
import { outageSummary } from '../../../generator/outage-summary';
import { buildRun, scenariosOf, type RunDoc } from '../../../generator/run';
import { markdownStatements, unmarkedStatements } from '../../../generator/statement-marks';
import { statementRefusals } from '../../../features/claim-rules';
import { parseDuration } from '../../../model/clock';
import { MODEL_ANSWER, outcomeLines, outcomeListHtml, situationOf } from '../../../generator/outcome-marks';
import { outcomeTable } from '../../../generator/outcome-table';
import { PEOPLE } from '../../../generator/what-people-see';
import { replay } from '../../../src/components/Playground/session';

const root = join(__dirname, '..', '..', '..');

async function runFeatures(): Promise<RunDoc> {
  const sink = new PassThrough();
  sink.resume();
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: ['features/*.feature'],
        require: ['steps/**/*.ts'],
        requireModule: [],
        format: [],
        strict: true,
      },
    },
    { cwd: root },
  );
  const lines: string[] = [];
  const result = await runCucumber(runConfiguration, { cwd: root, stdout: sink, stderr: sink }, (e: Envelope) =>
    lines.push(JSON.stringify(e)),
  );
  ok(result.success, 'the features pass');
  return buildRun(parseMessages(lines.join('\n'), 'features'), 'features', loadClaims());
}

const run = runFeatures();

test('every statement of every "In an outage" table is marked', async () => {
  const { features } = await run;
  let statements = 0;
  for (const feature of features) {
    const html = outageSummary(feature);
    if (html === null) continue;
    deepStrictEqual(unmarkedStatements(html), [], `${feature.name}: unmarked statements in the outage table`);
    statements += html.split('class="cf-statement ').length - 1;
  }
  ok(statements > 50, `only ${statements} marked statements: the tables lost their content`);
});

test('the known-defects and inferred lists mark every scenario they list', async () => {
  const r = await run;
  for (const page of [knownDefectsPage(r), inferredPage(r)]) {
    deepStrictEqual(unmarkedStatements(page), []);
    ok(page.includes('class="cf-statement '), 'the list marks its scenarios');
    ok(!page.includes('cf-statement-neither'), 'every scenario of the features rests on a claim or an assumption');
  }
});

test('the known-defects list holds only scenarios of the behaviour the source calls incorrect', async () => {
  const r = await run;
  const defects = new Set(
    loadRegister()
      .claims.filter((c) => c.defect)
      .map((c) => `@${c.id}`),
  );
  const page = knownDefectsPage(r);
  const listed = r.features.flatMap((f) => scenariosOf(f)).filter((s) => page.includes(`#${s.anchor}"`));
  ok(listed.length > 0);
  deepStrictEqual(
    listed.filter((s) => !s.tags.some((tag) => defects.has(tag))).map((s) => s.name),
    [],
  );
});

test('the home page marks every statement of its failures table, and each source mark is true by value', () => {
  const register = loadRegister();
  const home = readFileSync(join(root, 'docs', 'index.md'), 'utf8');
  const { statements, problems } = markdownStatements(home, register);
  deepStrictEqual(problems, []);
  ok(statements.length >= 8, `only ${statements.length} marked statements: the table lost its lines`);
  const refusals = statements
    .filter((s) => s.kind === 'source')
    .flatMap((s) =>
      s.ids.flatMap((id) =>
        statementRefusals(
          register,
          register.claims.find((c) => c.id === id)!,
          s.statement,
        ),
      ),
    );
  deepStrictEqual(refusals, []);
});

test('a home-page line marked as the source fails when it quotes what the source does not say or asserts an absence it does not state', () => {
  const register = loadRegister();
  const claim = (id: string) => register.claims.find((c) => c.id === id)!;
  ok(statementRefusals(register, claim('APP-R1'), 'agents get a "Session expired" pop-up').length > 0);
  ok(statementRefusals(register, claim('APP-F3'), 'the customer is not told of connection issues').length > 0);
  deepStrictEqual(statementRefusals(register, claim('ALL-F4'), 'the console shows "Customer not connected"'), []);
});

test("the playground's outcome lines are all marked, from the table read off the run, and a scenario's plan replayed there finds its marks", async () => {
  const { features } = await run;
  const table = outcomeTable(features);
  ok(table.scenarios > 80, `the table was read from only ${table.scenarios} scenarios`);
  let source = 0;
  let replayed = 0;
  for (const scenario of features.flatMap((f) => scenariosOf(f))) {
    if (scenario.status !== 'passed' || !scenario.endState || !scenario.trace) continue;
    const situation = situationOf(
      scenario.trace.events,
      scenario.trace.parameters,
      parseDuration(scenario.endState.clock),
    ).key;
    const lines = outcomeLines(scenario.endState, situation, table);
    for (const person of PEOPLE)
      deepStrictEqual(unmarkedStatements(outcomeListHtml(lines, person.id)), [], `${scenario.name}: ${person.id}`);
    source += lines.filter((line) => line.mark.kind === 'source').length;
    // The playground replays the plan on a deployment of its own: it must land in the same situation.
    const again = scenario.plan && replay(scenario.plan);
    if (!again || again.refused || again.plan.length !== scenario.plan!.length) continue;
    deepStrictEqual(
      situationOf(again.deployment.trace, again.deployment.parameters, again.deployment.clock).key,
      situation,
      scenario.name,
    );
    replayed++;
  }
  ok(source > 50, `only ${source} outcome lines marked as the source's`);
  ok(replayed > 50, `only ${replayed} plans replayed in the playground's way`);
});

test('an outcome no scenario checked in its situation is the model’s answer, marked assumed and never source', async () => {
  const { features } = await run;
  const table = outcomeTable(features);
  const scenario = features
    .flatMap((f) => scenariosOf(f))
    .find((s) => s.endState && s.trace && s.tags.includes('@APP-R1'))!;
  const lines = outcomeLines(scenario.endState!, 'Web:d0,Application:b9', table);
  ok(lines.length > 0);
  deepStrictEqual(
    lines.filter((line) => line.mark !== MODEL_ANSWER || line.vouched),
    [],
  );
  ok(outcomeListHtml(lines, 'agent').includes('cf-statement-assumed'));
  ok(!outcomeListHtml(lines, 'agent').includes('cf-statement-source'));
  const known = outcomeLines(
    scenario.endState!,
    situationOf(scenario.trace!.events, scenario.trace!.parameters, parseDuration(scenario.endState!.clock)).key,
    table,
  );
  ok(
    known.some((line) => line.text === 'pop-up “Session in Progress”' && line.mark.kind === 'source'),
    'the Application server restored: the agent’s "Session in Progress" is the source’s (APP-R1)',
  );
});
