/**
 * The playground's outcomes, marked (generator/outcome-marks.ts): what the customer, the agent and the database
 * show after the staged steps, each line marked from the outcome table that docs generation wrote beside the
 * reports (static/reports/outcome-marks.json), fetched once so that the table stays out of the bundle.
 */
import React, { useEffect, useMemo, useState, type ReactNode } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { DeploymentView } from '../../../model/views';
import { useSiteLinks } from '../use-site-links';
import { OUTCOME_MARKS_FILE, outcomeLines, outcomeListHtml, situationOf } from '../../../generator/outcome-marks';
import type { OutcomeTable } from '../../../generator/outcome-marks';
import { PEOPLE } from '../../../generator/what-people-see';
import type { Staged } from './session';
import styles from './styles.module.css';

/** The outcome table written at docs generation (generator/outcome-table.ts): null while it loads. */
function useOutcomeTable(): { table: OutcomeTable | null; problem: string | null } {
  const url = useBaseUrl(`/reports/${OUTCOME_MARKS_FILE}`);
  const [table, setTable] = useState<OutcomeTable | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
        return response.json() as Promise<OutcomeTable>;
      })
      .then(
        (loaded) => live && setTable(loaded),
        (error: Error) => live && setProblem(error.message),
      );
    return () => {
      live = false;
    };
  }, [url]);
  return { table, problem };
}

/**
 * What each person sees after the staged steps, one statement a line, each marked as the source's or assumed
 * from the outcome table: what the specification's scenarios ending in the same situation checked. Without the
 * table (loading, or not found), every line is the model's answer.
 */
export default function Outcomes({ staged, view }: { staged: Staged; view: DeploymentView }): ReactNode {
  const { table, problem } = useOutcomeTable();
  const { deployment } = staged;
  const situation = useMemo(() => situationOf(deployment.trace, deployment.parameters, deployment.clock), [deployment]);
  const lines = useMemo(() => outcomeLines(view, situation.key, table), [view, situation, table]);
  const siteLinks = useSiteLinks();
  return (
    <div
      className={styles.outcomes}
      data-view="outcomes"
      data-marks={table ? 'ready' : problem ? 'missing' : 'loading'}
      data-situation={situation.key}
    >
      <h3 className={styles.subheading} id="playground-outcomes">
        What each person sees, marked
      </h3>
      <p>
        <strong>{situation.text}.</strong> Each line is marked <em>source</em> when a scenario of the specification
        ending in this situation checks it against the lab write-up, <em>assumed</em> when that check rests on an
        assumption of the model, and <em>assumed: the model&apos;s answer</em> when no scenario checks it here.
      </p>
      {problem && (
        <p className={styles.problem}>
          The marks could not be loaded ({problem}): every line is marked as the model&apos;s answer.
        </p>
      )}
      {!table && !problem && <p className="cf-empty">Loading the marks…</p>}
      <div className={styles.outcomeLists}>
        {PEOPLE.map((person) => (
          <div key={person.id} data-person={person.id}>
            <h4 className={styles.outcomeHeading}>{person.heading}</h4>
            <div dangerouslySetInnerHTML={{ __html: siteLinks(outcomeListHtml(lines, person.id)) }} />
          </div>
        ))}
      </div>
    </div>
  );
}
