/**
 * `npm run diagnose`: from what a person sees to the failure situations that explain it, from the same index and
 * the same lookup as the /diagnose/ page (diagnosis/lookup.ts).
 *
 *   npm run diagnose -- --see "could not be delivered" --see "yellow triangle" [--rows FILE] [--complete] [--all] [--json]
 *
 * Each --see names one observation in the page's words (a notice's text, a status, an icon, a pop-up's text, or
 * the id the page shows, "chat icon: red square"); --rows reads pasted rows of the source's open-chats query
 * ("-" for standard input); --complete says that is everything seen, so only situations showing exactly that and
 * nothing else fit. Prints the ranked situations (the first ten unless --all), the observation that
 * tells them apart and, for the first, its scenario and playground link; --json prints all of it as JSON.
 * The index is static/diagnosis/index.json, built first if it is missing or was built from other sources.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Diagnoser, exactTie, nearDifference, type Answer } from '../diagnosis/lookup';
import { openChatsFromRows } from '../diagnosis/rows';
import { observation, type Observation } from '../diagnosis/observations';
import { situationScenario } from '../diagnosis/scenario';
import { currentIndex } from './diagnosis-index';

const SHOWN = 10;

export function answerJson(answer: Answer, all: boolean): unknown {
  const shown = all ? answer.candidates : answer.candidates.slice(0, SHOWN);
  return {
    picked: answer.picked.map((o) => o.id),
    complete: answer.complete,
    situations: answer.candidates.length,
    tiedFirst: answer.tiedFirst,
    exact: answer.exact,
    tie: exactTie(answer),
    candidates: shown.map((c) => ({
      rank: c.rank,
      exact: c.exact,
      situation: c.situation.text,
      runbook: c.situation.runbook,
      evidence: c.situation.evidence,
      plan: c.plan,
      ...situationScenario(c.plan, c.situation.text),
    })),
    telling: answer.telling && {
      observation: answer.telling.observation.id,
      ifSeen: answer.telling.ifSeen,
      ifNotSeen: answer.telling.ifNotSeen,
    },
    nearest: answer.nearest.map((n) => ({ situation: n.situation.text, missing: n.missing.map((o) => o.id) })),
  };
}

function answerText(answer: Answer, all: boolean): string {
  const lines = [`You see: ${answer.picked.map((o) => `"${o.id}"`).join(', ') || 'nothing picked'}`];
  if (!answer.candidates.length) {
    lines.push('No explored situation shows all of that. The nearest, and what they do not show:');
    for (const n of answer.nearest) {
      lines.push(`  - ${n.situation.text}: ${nearDifference(n, (o) => `"${o.id}"`)}`);
    }
    return lines.join('\n');
  }
  const shown = all ? answer.candidates : answer.candidates.slice(0, SHOWN);
  lines.push(
    `${answer.candidates.length} situation${answer.candidates.length === 1 ? '' : 's'} fit` +
      (answer.tiedFirst > 1 ? `; ${answer.tiedFirst} tie for the first rank` : '') +
      (shown.length < answer.candidates.length ? ` (the first ${shown.length}; --all for every one)` : '') +
      ':',
  );
  const tie = exactTie(answer);
  if (tie) lines.push(tie);
  for (const c of shown) {
    lines.push(
      `  ${String(c.rank).padStart(3)}. ${c.situation.text}${c.exact && !answer.complete && answer.exact > 1 ? ' (shows exactly this)' : ''}`,
    );
    if (c.situation.runbook) lines.push(`       runbook: ${c.situation.runbook.title} (${c.situation.runbook.href})`);
    const marks = c.situation.evidence.map((e) => `${e.id} (${e.kind === 'source' ? 'source' : 'assumed'})`);
    if (marks.length) lines.push(`       evidence: ${marks.join(', ')}`);
  }
  if (answer.telling) {
    const t = answer.telling;
    lines.push(`To tell them apart, ask whether this is seen too: "${t.observation.id}"`);
    lines.push(
      `  if so, ${t.ifSeen.length} fit (first: ${t.ifSeen[0]}); if not, ${t.ifNotSeen.length} (first: ${t.ifNotSeen[0]})`,
    );
  } else if (answer.candidates.length > 1) {
    lines.push('No single further observation tells these apart.');
  }
  const first = answer.candidates[0]!;
  const scenario = situationScenario(first.plan, first.situation.text);
  lines.push(`The shortest plan to the first, as a scenario:\n${scenario.gherkin}`);
  lines.push(`In the playground: ${scenario.playground}`);
  return lines.join('\n');
}

export function picked(diagnoser: Diagnoser, see: readonly string[], rows: string | null): Observation[] {
  const found = see.map((words) => diagnoser.resolve(words));
  if (rows !== null)
    for (const text of openChatsFromRows(rows)) found.push(diagnoser.resolve(observation('openChats', text).id));
  return found;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      see: { type: 'string', multiple: true },
      rows: { type: 'string' },
      all: { type: 'boolean' },
      complete: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const rows = values.rows === undefined ? null : readFileSync(values.rows === '-' ? 0 : values.rows, 'utf8');
  if (!values.see?.length && rows === null)
    throw new Error('say what is seen: --see "<observation>" (repeatable) or --rows FILE');
  const diagnoser = new Diagnoser(currentIndex().index);
  const answer = diagnoser.diagnose(picked(diagnoser, values.see ?? [], rows), { complete: values.complete ?? false });
  console.log(
    values.json
      ? JSON.stringify(answerJson(answer, values.all ?? false), null, 1)
      : answerText(answer, values.all ?? false),
  );
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`diagnose: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
