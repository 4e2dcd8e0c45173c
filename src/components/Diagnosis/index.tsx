/**
 * The diagnosis page's picker and answer. The index (static/diagnosis/index.json, written at docs generation) is
 * fetched only here; the lookup is diagnosis/lookup.ts, the same one `npm run diagnose` prints from.
 */
import React, { useEffect, useMemo, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { useSiteLinks } from '../use-site-links';
import Mermaid from '@theme/Mermaid';
import type { DiagnosisIndex, SituationInfo } from '../../../diagnosis/index-format';
import { Diagnoser, exactTie, nearDifference, type Answer, type Candidate } from '../../../diagnosis/lookup';
import { observation, OBSERVATION_KINDS, type Observation } from '../../../diagnosis/observations';
import { openChatsFromRows } from '../../../diagnosis/rows';
import { situationScenario } from '../../../diagnosis/scenario';
import styles from './styles.module.css';

const SHOWN = 10;

function Evidence({ situation }: { situation: SituationInfo }): ReactNode {
  if (!situation.evidence.length) return null;
  return (
    <ul className={styles.evidence}>
      {situation.evidence.map((mark) => (
        <li key={mark.id}>
          <span className={mark.kind === 'source' ? 'cf-evidence-source' : 'cf-evidence-assumed'}>
            {mark.kind === 'source' ? 'From the source' : 'Assumed'}
          </span>{' '}
          <Link to={mark.href}>{mark.id}</Link> <q>{mark.text}</q>
        </li>
      ))}
    </ul>
  );
}

function Scenario({ candidate, baseUrl }: { candidate: Candidate; baseUrl: string }): ReactNode {
  const [open, setOpen] = useState(false);
  const scenario = useMemo(
    () => (open ? situationScenario(candidate.plan, candidate.situation.text, baseUrl) : null),
    [open, candidate, baseUrl],
  );
  return (
    <details onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>The shortest plan to it: scenario, sequence diagram, playground</summary>
      {scenario && (
        <div>
          <pre className={styles.gherkin} tabIndex={0} data-view="gherkin">
            {scenario.gherkin}
          </pre>
          <p>
            <a href={scenario.playground}>Open this plan in the playground</a>
          </p>
          <div className={styles.diagram} data-view="diagram">
            <Mermaid value={scenario.diagram} />
          </div>
        </div>
      )}
    </details>
  );
}

function AnswerView({ answer, ms, baseUrl }: { answer: Answer; ms: number; baseUrl: string }): ReactNode {
  const siteLinks = useSiteLinks();
  const [all, setAll] = useState(false);
  if (!answer.picked.length) return <p>Nothing picked yet.</p>;
  if (!answer.candidates.length) {
    return (
      <div data-answer="none">
        <p className={styles.none}>
          <strong>No explored situation shows all of that.</strong> Check each observation; the nearest situations, and
          what they never show together with the rest:
        </p>
        <ul>
          {answer.nearest.map((near) => (
            <li key={near.situation.key} data-situation={near.situation.text}>
              {near.situation.text}: {nearDifference(near, (o) => `“${o.text}”`)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const shown = all ? answer.candidates : answer.candidates.slice(0, SHOWN);
  const { telling } = answer;
  const tie = exactTie(answer);
  return (
    <div data-answer="found" data-lookup-ms={ms.toFixed(1)}>
      <p>
        {answer.candidates.length} situation{answer.candidates.length === 1 ? '' : 's'} fit
        {answer.tiedFirst > 1 ? `; ${answer.tiedFirst} tie for the first rank` : ''} (answered in {ms.toFixed(1)} ms).
      </p>
      {tie && <p data-exact={answer.exact}>{tie}</p>}
      {telling ? (
        <div className={styles.telling} data-telling={telling.observation.id}>
          <strong>To tell them apart, ask whether this is seen too:</strong>{' '}
          {OBSERVATION_KINDS[telling.observation.kind].heading.toLowerCase()} “{telling.observation.text}”. If so,{' '}
          {telling.ifSeen.length} fit, first {telling.ifSeen[0]}; if not, {telling.ifNotSeen.length}, first{' '}
          {telling.ifNotSeen[0]}.
        </div>
      ) : (
        answer.candidates.length > 1 &&
        !answer.complete && <p className={styles.telling}>No single further observation tells these apart.</p>
      )}
      <ol className={styles.candidates}>
        {shown.map((candidate) => (
          <li
            key={candidate.situation.key}
            data-rank={candidate.rank}
            data-situation={candidate.situation.text}
            data-exact={candidate.exact}
          >
            <h3 className={styles.situation}>
              <span className={styles.rank}>{candidate.rank}.</span>{' '}
              {candidate.situation.statement ? (
                // Escaped where it was written (generator/statement-marks.ts, at docs generation).
                <span
                  data-cf-statements
                  dangerouslySetInnerHTML={{ __html: siteLinks(candidate.situation.statement) }}
                />
              ) : (
                candidate.situation.text
              )}
            </h3>
            {candidate.situation.runbook && (
              <p>
                What to do: <Link to={candidate.situation.runbook.href}>{candidate.situation.runbook.title}</Link>
              </p>
            )}
            <Evidence situation={candidate.situation} />
            <Scenario candidate={candidate} baseUrl={baseUrl} />
          </li>
        ))}
      </ol>
      {shown.length < answer.candidates.length && (
        <button type="button" className="button button--secondary" onClick={() => setAll(true)}>
          Show all {answer.candidates.length}
        </button>
      )}
    </div>
  );
}

export default function Diagnosis(): ReactNode {
  const url = useBaseUrl('/diagnosis/index.json');
  const baseUrl = useBaseUrl('/');
  const [diagnoser, setDiagnoser] = useState<Diagnoser | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [rows, setRows] = useState('');
  const [rowsProblem, setRowsProblem] = useState<string | null>(null);
  const [fromRows, setFromRows] = useState<readonly string[]>([]);
  const [complete, setComplete] = useState(false);

  useEffect(() => {
    fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
        return response.json() as Promise<DiagnosisIndex>;
      })
      .then((index) => setDiagnoser(new Diagnoser(index)))
      .catch((error: Error) => setProblem(`The diagnosis index could not be loaded (${error.message}).`));
  }, [url]);

  const result = useMemo(() => {
    if (!diagnoser) return null;
    const started = performance.now();
    const wanted = [...picked, ...fromRows.filter((id) => !picked.includes(id))];
    const byId = new Map(diagnoser.observations.map((o) => [o.id, o]));
    const answer = diagnoser.diagnose(
      wanted.map((id) => byId.get(id)!),
      { complete },
    );
    return { answer, ms: performance.now() - started };
  }, [diagnoser, picked, fromRows, complete]);

  if (problem) return <p role="alert">{problem}</p>;
  if (!diagnoser) return <p>Loading the diagnosis index…</p>;
  const index = diagnoser.index;
  const groups = Object.entries(OBSERVATION_KINDS)
    .map(([kind, { heading }]) => ({ kind, heading, options: index.observations.filter((o) => o.kind === kind) }))
    .filter((group) => group.options.length);
  const toggle = (o: Observation, on: boolean) =>
    setPicked((now) => (on ? [...now, o.id] : now.filter((id) => id !== o.id)));
  const readRows = () => {
    try {
      const found = rows.trim()
        ? openChatsFromRows(rows).map((text) => diagnoser.resolve(observation('openChats', text).id).id)
        : [];
      setFromRows(found);
      setRowsProblem(null);
    } catch (error) {
      setFromRows([]);
      setRowsProblem((error as Error).message);
    }
  };
  const indistinguishable = index.indistinguishable.length;
  return (
    <div className={styles.diagnosis} data-ready>
      <section aria-labelledby="diagnosis-seen" className={styles.picker}>
        <h2 id="diagnosis-seen">What is seen</h2>
        {groups.map((group) => (
          <fieldset key={group.kind} className={styles.group}>
            <legend>{group.heading}</legend>
            {group.options.map((o) => (
              <label key={o.id} className={styles.option}>
                <input
                  type="checkbox"
                  data-observation={o.id}
                  checked={picked.includes(o.id) || fromRows.includes(o.id)}
                  disabled={fromRows.includes(o.id)}
                  onChange={(event) => toggle(o, event.target.checked)}
                />{' '}
                {o.text}
              </label>
            ))}
          </fieldset>
        ))}
        <label className={styles.option}>
          <input
            type="checkbox"
            data-complete
            checked={complete}
            onChange={(event) => setComplete(event.target.checked)}
          />{' '}
          That is everything seen: only situations showing exactly this, and nothing else, fit
        </label>
        <label htmlFor="diagnosis-rows" className={styles.rowsLabel}>
          Or paste the rows of the open-chats query
        </label>
        <textarea
          id="diagnosis-rows"
          className={styles.rows}
          rows={4}
          value={rows}
          onChange={(event) => setRows(event.target.value)}
        />
        <button type="button" className="button button--secondary" onClick={readRows}>
          Read the rows
        </button>
        {rowsProblem && <p role="alert">{rowsProblem}</p>}
      </section>
      <section aria-labelledby="diagnosis-answer" aria-live="polite" className={styles.answer}>
        <h2 id="diagnosis-answer">What explains it</h2>
        {result && <AnswerView answer={result.answer} ms={result.ms} baseUrl={baseUrl} />}
      </section>
      <section aria-labelledby="diagnosis-how" className={styles.how}>
        <h2 id="diagnosis-how">How this is answered</h2>
        <p>
          From every state the model reaches within these bounds ({index.explored.states.toLocaleString('en-GB')}{' '}
          states): {index.bounds.join('; ')}. A situation fits when a state of it shows everything picked. Ranking:{' '}
          {index.rankingRule}. Outage lengths are cut at the model&apos;s thresholds (
          {index.thresholds.map((t) => `${t.seconds} s: ${t.parameters.join(', ')}`).join('; ')}).
        </p>
        <p data-indistinguishable={indistinguishable}>
          {indistinguishable} of the {index.situations.length} situations cannot be told apart from another by any set
          of observations: whatever their states show, another situation shows too and ranks first or ties (most are an
          outage no one was there to notice, or one whose length made no difference).{' '}
          <Link to="/engineering/diagnosis">How the index is built and measured</Link>.
        </p>
      </section>
    </div>
  );
}
