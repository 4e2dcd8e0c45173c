/**
 * Marks for statements outside scenario pages: any generated surface that tells a reader what someone sees or
 * does (the "In an outage" tables, the at-a-glance matrix, the known-defects and inferred lists, runbooks, the
 * diagnosis page, the playground's outcomes) writes each statement through `markedStatement`, naming the claims
 * of the source and the model's assumptions it rests on. The mark links to the same entry as the scenario
 * pages' marks (the claims page for a claim, the assumptions page for an assumption), so a reader tells source
 * from assumption the same way on every page.
 *
 * A statement is "From the source" only when it rests on claims alone: one assumption among its grounds makes
 * it "Assumed", because a statement says no more than its weakest part does (issue 21).
 *
 * `unmarkedStatements` is the checker a page's test runs: every piece of text inside an element carrying
 * `data-cf-statements` must be inside a marked statement, so a surface cannot add a line that says nothing of
 * where it comes from.
 *
 *   const line = markedStatement('The customer is told of connection issues', { claims: ['APP-F3'] });
 *   const cell = `<ul data-cf-statements>${`<li>${line}</li>`}</ul>`;
 *   unmarkedStatements(cell); // []
 */
import type { Register } from '../features/claims-register';
import { htmlAttribute, htmlText } from './escape';
import { evidenceRegister } from './evidence';
import { claimAnchor, ROUTES } from './routes';
import { markHtml, statementHtml, type Mark } from './statement-html';

/** What a statement rests on: claim ids of features/claims.json (`APP-F3`) and assumption ids (`a-few-minutes`). */
export interface StatementBasis {
  readonly claims?: readonly string[];
  readonly assumptions?: readonly string[];
}

/** The attribute a container of statements carries, so that `unmarkedStatements` checks everything inside it. */
export const STATEMENTS_ATTRIBUTE = 'data-cf-statements';

const assumptionLink = (id: string): string => `${ROUTES.assumptions}#assumption-${id}`;
const claimLink = (id: string): string => `${ROUTES.claims}#${claimAnchor(id)}`;

/** Whether a statement with this basis reads as the source's: claims and no assumption. */
export function isFromSource(basis: StatementBasis): boolean {
  return (basis.claims?.length ?? 0) > 0 && (basis.assumptions?.length ?? 0) === 0;
}

/**
 * `text` (plain text, escaped here) followed by its mark: "source" with a link per claim, or "assumed" with a
 * link per assumption (and per claim it also rests on). Throws a one-line error naming the statement when the
 * basis is empty or names an id the register does not have.
 */
export function markedStatement(text: string, basis: StatementBasis, reg: Register = evidenceRegister()): string {
  return markedHtml(htmlText(text), basis, reg, text);
}

/**
 * For a statement read off a run rather than written by a page's author (a scenario of an older run, whose tags
 * the register no longer knows): marked like `markedStatement`, or, with nothing to rest on, marked as resting on
 * neither, as the scenario pages mark such a line, instead of an error.
 */
export function markedFromRun(html: string, basis: StatementBasis, reg: Register = evidenceRegister()): string {
  if ((basis.claims?.length ?? 0) + (basis.assumptions?.length ?? 0) > 0) return markedHtml(html, basis, reg);
  return `<span class="cf-statement cf-statement-neither">${html} <span class="cf-mark cf-mark-neither">${htmlText(
    'neither the source nor a named assumption',
  )}</span></span>`;
}

/** `markedStatement` for a statement already written as HTML (a link, say); `text` names it in errors. */
export function markedHtml(
  html: string,
  basis: StatementBasis,
  reg: Register = evidenceRegister(),
  text = html,
): string {
  return statementHtml(html, markOf(basis, reg, text));
}

/**
 * The mark of a statement with this basis, for a surface that writes the statement elsewhere (the playground,
 * from its outcome table): "source" with a link per claim, or "assumed" with a link per assumption and per claim
 * it also rests on. Throws a one-line error naming `text` when the basis is empty or names an unknown id.
 */
export function markOf(basis: StatementBasis, reg: Register = evidenceRegister(), text = ''): Mark {
  const claims = basis.claims ?? [];
  const assumptions = basis.assumptions ?? [];
  if (claims.length === 0 && assumptions.length === 0)
    throw new Error(`statement "${text}" names no claim and no assumption: mark it with what it rests on`);
  const links: string[] = [];
  for (const id of claims) {
    const claim = reg.claims.find((c) => c.id === id);
    if (!claim) throw new Error(`statement "${text}" names claim ${id}, which features/claims.json does not have`);
    links.push(
      `<a class="cf-mark-link cf-tag-claim" href="${htmlAttribute(claimLink(id))}" title="${htmlAttribute(
        `From the source (${claim.section}): ${claim.source.replace(/\*\*/g, '')}`,
      )}">${htmlText(id)}</a>`,
    );
  }
  for (const id of assumptions) {
    const assumption = reg.assumptions.find((a) => a.id === id);
    if (!assumption)
      throw new Error(`statement "${text}" names assumption ${id}, which features/claims.json does not have`);
    links.push(
      `<a class="cf-mark-link cf-tag-inferred" href="${htmlAttribute(assumptionLink(id))}" title="${htmlAttribute(
        `Assumed: ${assumption.statement}`,
      )}">${htmlText(id)}</a>`,
    );
  }
  const kind = isFromSource(basis) ? 'source' : 'assumed';
  return { kind, html: markHtml(kind, links) };
}

const TAG = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);

/**
 * The text of every statement under a `data-cf-statements` element of `html` that is not inside a marked
 * statement (`markedStatement`'s output), in page order: what a reader would read there without a mark. Text of
 * a statement's own mark counts as marked. Whitespace and punctuation alone are not statements.
 */
export function unmarkedStatements(html: string): string[] {
  const found: string[] = [];
  // For each open element: whether it opens a statements container, and whether it opens a marked statement.
  const stack: { name: string; statements: boolean; marked: boolean }[] = [];
  let inStatements = 0;
  let inMarked = 0;
  let pending = '';
  const flush = () => {
    const text = pending.replace(/&[a-z]+;|&#\d+;/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(text)) found.push(text.replace(/\s+/g, ' '));
    pending = '';
  };
  for (const match of html.matchAll(TAG)) {
    const [, closing, name, attributes, text] = match;
    if (text !== undefined) {
      if (inStatements > 0 && inMarked === 0) pending += text;
      continue;
    }
    const tag = name!.toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(tag);
      if (at < 0) continue;
      for (const element of stack.splice(at)) {
        if (element.marked) inMarked--;
        if (element.statements) inStatements--;
      }
      if (inMarked === 0) flush();
      continue;
    }
    if (VOID.has(tag) || attributes!.trimEnd().endsWith('/')) continue;
    if (inMarked === 0) flush();
    const statements = new RegExp(`\\s${STATEMENTS_ATTRIBUTE}(?=[\\s=]|$)`).test(attributes!);
    const marked = /\sclass="[^"]*\bcf-statement\b/.test(attributes!);
    stack.push({ name: tag, statements, marked });
    if (statements) inStatements++;
    if (marked) inMarked++;
  }
  flush();
  return found;
}

/**
 * The mark of a statement in hand-written Markdown (the at-a-glance matrix, generator/templates/at-a-glance.md), after the statement:
 * `*(source: [APP-F3](/claims#claim-app-f3))*` or `*(assumed: [a-few-minutes](/assumptions#assumption-a-few-minutes))*`,
 * with the same links as `markedStatement`. A statement resting on any assumption is marked assumed and lists
 * only its assumptions (the claims are on the scenario page it links to).
 */
export function markdownMark(basis: StatementBasis): string {
  if (isFromSource(basis)) return `*(source: ${basis.claims!.map((id) => `[${id}](${claimLink(id)})`).join(', ')})*`;
  if (!basis.assumptions?.length) throw new Error('a mark needs a claim or an assumption');
  return `*(assumed: ${basis.assumptions.map((id) => `[${id}](${assumptionLink(id)})`).join(', ')})*`;
}

const MARKDOWN_MARK = /\*\((source|assumed): ((?:\[[^\]]+\]\([^)\s]+\)(?:, )?)+)\)\*/g;

/** One statement of a hand-written Markdown table with its mark: its row's name, its words, and the ids it names. */
export interface MarkdownStatement {
  readonly row: string;
  readonly statement: string;
  readonly kind: 'source' | 'assumed';
  readonly ids: readonly string[];
}

/**
 * The statements of a hand-written Markdown table (each with its mark), and what is wrong with its marks: a
 * statement left unmarked, or marked with a link `markdownMark` would not write (an id the register does not
 * have, a claim under "assumed"), each with its row. Every cell after the first (the row's name) of every row
 * but the header is one or more statements, each followed by its mark; a statement ends at its mark, so a cell's
 * text after its last mark must say nothing, and no statement holds a second sentence (". " or "; ").
 */
export function markdownStatements(
  markdown: string,
  reg: Register = evidenceRegister(),
): { statements: MarkdownStatement[]; problems: string[] } {
  const problems: string[] = [];
  const statements: MarkdownStatement[] = [];
  const SEPARATOR = /^\|\s*(:?-{3,}:?\s*\|\s*)+$/;
  const lines = markdown.split('\n');
  // A table's header row (the line before its separator) names the columns and states nothing.
  const rows = lines.filter(
    (line, i) => /^\|/.test(line) && !SEPARATOR.test(line) && !SEPARATOR.test(lines[i + 1] ?? ''),
  );
  for (const line of rows) {
    const [name, ...cells] = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells.length === 0 || /^Failure$/.test(name ?? '')) continue;
    for (const cell of cells) {
      let rest = cell;
      for (const match of cell.matchAll(MARKDOWN_MARK)) {
        const [whole, kind, links] = match;
        const statement = rest.slice(0, rest.indexOf(whole));
        rest = rest.slice(rest.indexOf(whole) + whole.length);
        const words = statement.replace(/\]\([^)]*\)/g, ']').replace(/^[;.,:\s]+/, '');
        if (!/[\p{L}\p{N}]/u.test(words)) problems.push(`${name}: a mark with no statement before it`);
        if (/[.;] /.test(words.replace(/\([^)]*\)|"[^"]*"/g, '')))
          problems.push(`${name}: "${words.trim()}" holds more than one statement before its mark`);
        const ids = [...links!.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map((l) => ({ id: l[1]!, href: l[2]! }));
        for (const { id, href } of ids) {
          const isClaim = reg.claims.some((c) => c.id === id) && href === claimLink(id);
          const isAssumption = reg.assumptions.some((a) => a.id === id) && href === assumptionLink(id);
          if (kind === 'source' ? !isClaim : !isAssumption)
            problems.push(
              `${name}: "${id}" (${href}) is not ${kind === 'source' ? 'a claim' : 'an assumption'} of the register`,
            );
        }
        statements.push({
          row: name ?? '',
          statement: words.replace(/[[\]*]/g, '').trim(),
          kind: kind as 'source' | 'assumed',
          ids: ids.map((l) => l.id),
        });
      }
      if (/[\p{L}\p{N}]/u.test(rest)) problems.push(`${name}: "${rest.trim()}" has no mark`);
    }
  }
  return { statements, problems };
}

/** The problems `markdownStatements` finds: a test of a hand-written page expects none. */
export function unmarkedMarkdownStatements(markdown: string, reg: Register = evidenceRegister()): string[] {
  return markdownStatements(markdown, reg).problems;
}
