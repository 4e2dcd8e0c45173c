/** Statements outside scenario pages are marked from the register, and the checker finds any that are not. */
import { test } from 'node:test';
import { deepStrictEqual, match, ok, throws } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  markdownMark,
  markedFromRun,
  markedStatement,
  unmarkedMarkdownStatements,
  unmarkedStatements,
} from '../../../generator/statement-marks';
import { loadRegister } from '../../../features/claims-register';
import { AT_A_GLANCE_TEMPLATE } from '../../../generator/site';

const register = loadRegister();
const claim = register.claims.find((c) => !c.premise)!;
const assumption = register.assumptions[0]!;

test('a statement resting on claims alone is marked as the source’s, linked to each claim', () => {
  const html = markedStatement('What the customer sees', { claims: [claim.id] });
  match(html, /cf-statement-source/);
  ok(html.includes(`href="/claims#claim-${claim.id.toLowerCase()}"`), html);
});

test('one assumption among its grounds makes a statement assumed, linked to the assumption', () => {
  const html = markedStatement('What the customer sees', { claims: [claim.id], assumptions: [assumption.id] });
  match(html, /cf-statement-assumed/);
  ok(html.includes(`href="/assumptions#assumption-${assumption.id}"`), html);
});

test('a statement with no basis, or an unknown id, is a one-line error naming it', () => {
  throws(() => markedStatement('Nothing behind it', {}), /^Error: statement "Nothing behind it" names no claim/);
  throws(() => markedStatement('Bad id', { claims: ['NOPE-1'] }), /statement "Bad id" names claim NOPE-1/);
  throws(() => markedStatement('Bad id', { assumptions: ['nope'] }), /statement "Bad id" names assumption nope/);
});

test('the text is escaped', () => {
  const html = markedStatement('<b>bold</b> & "quoted"', { claims: [claim.id] });
  ok(html.startsWith('<span class="cf-statement cf-statement-source">&lt;b&gt;bold&lt;/b&gt; &amp; &quot;'), html);
});

test('the checker finds every unmarked statement inside a statements container, and nothing outside one', () => {
  const marked = markedStatement('told of connection issues', { claims: [claim.id] });
  deepStrictEqual(unmarkedStatements(`<p>Intro text</p><ul data-cf-statements><li>${marked}</li></ul>`), []);
  deepStrictEqual(
    unmarkedStatements(
      `<table><tbody><tr><th>Rule</th><td data-cf-statements><ul><li>${marked}</li><li>a bare line</li></ul></td>` +
        `<td data-cf-statements>before <em>emphasis</em> ${marked} after</td></tr></tbody></table>`,
    ),
    ['a bare line', 'before', 'emphasis', 'after'],
  );
  deepStrictEqual(unmarkedStatements('<div data-cf-statements>  &mdash; <br/> , </div>'), []);
  deepStrictEqual(unmarkedStatements('<div data-cf-statements="outage"><p>plain</p></div>'), ['plain']);
});

test('the at-a-glance matrix marks every statement with a claim or an assumption of the register', () => {
  const page = readFileSync(join(__dirname, '..', '..', '..', AT_A_GLANCE_TEMPLATE), 'utf8');
  deepStrictEqual(unmarkedMarkdownStatements(page), []);
  ok(page.includes(markdownMark({ claims: ['APP-F3'] })), 'the page uses the marks markdownMark writes');
});

test('the Markdown checker finds an unmarked statement, a second sentence and a mark naming nothing', () => {
  const source = markdownMark({ claims: [claim.id] });
  const assumed = markdownMark({ assumptions: [assumption.id] });
  deepStrictEqual(unmarkedMarkdownStatements(`| **Row** | Marked ${source}; and marked ${assumed}. |`), []);
  deepStrictEqual(unmarkedMarkdownStatements(`| **Row** | Marked ${source}; bare tail. |`), [
    '**Row**: "; bare tail." has no mark',
  ]);
  deepStrictEqual(unmarkedMarkdownStatements(`| **Row** | One. Two ${source}. |`), [
    '**Row**: "One. Two" holds more than one statement before its mark',
  ]);
  deepStrictEqual(unmarkedMarkdownStatements(`| **Row** | Said *(source: [NOPE-1](/claims#claim-nope-1))*. |`), [
    '**Row**: "NOPE-1" (/claims#claim-nope-1) is not a claim of the register',
  ]);
});

test('a statement read off a run with nothing to rest on is marked as resting on neither, not an error', () => {
  const html = markedFromRun('<a href="/x">A scenario</a>', {});
  ok(html.includes('cf-statement-neither') && html.includes('neither the source nor a named assumption'), html);
  deepStrictEqual(unmarkedStatements(`<td data-cf-statements>${html}</td>`), []);
});
