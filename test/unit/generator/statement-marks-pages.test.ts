/**
 * Every generated surface that tells a reader what someone sees or does marks each statement as the source's or
 * assumed: the "In an outage" tables of the feature pages and the known-defects and inferred lists, from a run
 * of the project's own features, and the home page's failures table, written by hand. The known-defects list holds
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
