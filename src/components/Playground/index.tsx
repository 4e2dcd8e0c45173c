/**
 * The failure playground: the specification's own model (model/) running in the page. The reader stages steps
 * with the controls; the views show what the customer, the agent and the database see after them, drawn by the
 * same functions as the scenario pages (generator/end-state.ts) and the same sequence diagrams
 * (generator/sequence-diagram.ts). The staged plan lives in the address (plans/url.ts), so it can be shared.
 */
import React, { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Mermaid from '@theme/Mermaid';
import type { Action } from '../../../model/actions';
import { describeAction } from '../../../model/actions';
import { INFORMATION_TABS } from '../../../model/agent-console';
import { formatDuration } from '../../../model/clock';
import type { DeploymentView } from '../../../model/views';
import { ActivityStore, type QueryResult } from '../../../diagnostics/store';
import { agentConsole, customerWindow, serverStrip } from '../../../generator/end-state';
import { sequenceDiagram } from '../../../generator/sequence-diagram';
import { diagnose, loadSqlJsInBrowser } from './database';
import {
  DEFAULT_INPUTS,
  EMPTY,
  controls,
  exportGherkin,
  gherkinCaveat,
  linkSearch,
  loadLink,
  reset,
  stage,
  undo,
  type Control,
  type ControlGroup,
  type ControlInputs,
  type Staged,
} from './session';
import { DEFAULT_PRESET, PRESETS } from './presets';
import { planToSearch } from '../../../plans/url';
import { legend } from '../../../generator/legend';
import Outcomes from './outcomes';
import styles from './styles.module.css';

/** Markup from generator/end-state.ts, which escapes every piece of text it is given. */
function Generated({ html, className }: { html: string; className?: string }): ReactNode {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

function ControlButton({ control, onStage }: { control: Control; onStage: (action: Action) => void }): ReactNode {
  const why = `${control.id}-why`;
  const refused = control.reason !== null;
  // aria-disabled, not disabled: a control the last click made unavailable keeps the focus (a disabled button
  // would drop it to <body>), and a screen reader still reads why it is unavailable.
  return (
    <div className={styles.control}>
      <button
        type="button"
        id={`control-${control.id}`}
        className={`button ${control.group === 'servers' && control.id.startsWith('fail') ? styles.danger : 'button--primary'} ${styles.button}`}
        aria-disabled={refused ? 'true' : undefined}
        aria-describedby={refused ? why : undefined}
        onClick={() => !refused && control.action && onStage(control.action)}
      >
        {control.label}
      </button>
      {control.reason !== null && (
        <span id={why} className={styles.reason}>
          Not now: {control.reason}
        </span>
      )}
    </div>
  );
}

/** The controls' free-text inputs. */
type TextInput = Extract<
  keyof ControlInputs,
  | 'amount'
  | 'clockTo'
  | 'customer'
  | 'customerQuestion'
  | 'customerText'
  | 'agentName'
  | 'agentText'
  | 'emailSubject'
  | 'emailFrom'
>;

/** Each text field of the controls: its element id (the browser tests find some by it), label and hint. */
const TEXT_FIELDS: Record<
  TextInput,
  { id: string; label: string; placeholder?: string; inputMode?: 'numeric' | 'email' }
> = {
  amount: { id: 'pg-amount', label: 'Amount', inputMode: 'numeric' },
  clockTo: { id: 'pg-clock-to', label: 'Move the clock to (hh:mm:ss)' },
  customer: { id: 'pg-customer', label: "Customer's address", inputMode: 'email' },
  customerQuestion: { id: 'pg-customer-question', label: 'Question for a new chat', placeholder: 'e.g. Help me!' },
  customerText: { id: 'pg-customer-text', label: "Customer's message", placeholder: 'e.g. Hi' },
  agentName: { id: 'pg-agent', label: "Agent's user name" },
  agentText: { id: 'pg-agent-text', label: "Agent's message", placeholder: 'e.g. Hello' },
  emailSubject: { id: 'pg-email-subject', label: 'Subject' },
  emailFrom: { id: 'pg-email-from', label: 'From', inputMode: 'email' },
};

interface FieldProps {
  name: TextInput;
  value: string;
  onChange: (value: string) => void;
  /** Instead of the table's hint. */
  placeholder?: string;
}

function Field({ name, value, onChange, placeholder }: FieldProps): ReactNode {
  const { id, label, inputMode = 'text', ...field } = TEXT_FIELDS[name];
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        placeholder={placeholder ?? field.placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `key` where two options may have one value (two chats with one customer). */
  options: readonly { readonly value: string; readonly label: string; readonly key?: number }[];
}

function SelectField({ id, label, value, onChange, options }: SelectFieldProps): ReactNode {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.key ?? option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One fieldset of controls, under its legend. */
function Group({ legend, children }: { legend: string; children: ReactNode }): ReactNode {
  return (
    <fieldset className={styles.group}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

const UNITS = [
  { value: 'seconds', label: 'seconds' },
  { value: 'minutes', label: 'minutes' },
] as const;
const TABS = INFORMATION_TABS.map((tab) => ({ value: tab, label: tab }));
const PRESET_OPTIONS = PRESETS.map((preset) => ({ value: preset.id, label: preset.label }));

const LEGENDS: Record<ControlGroup, string> = {
  servers: 'Servers',
  clock: 'Clock',
  customer: 'Customer',
  agent: 'Agent',
  email: 'Email',
};

function DatabaseRows({ results, error }: { results: readonly QueryResult[] | null; error: string | null }): ReactNode {
  if (error) return <p className={styles.problem}>The database view could not start: {error}</p>;
  if (!results) return <p className="cf-empty">Loading SQLite (sql.js)…</p>;
  return (
    <>
      {results.map((result) => (
        <div key={result.title} className={styles.query}>
          <div className="cf-db-scroll">
            <table className="cf-db" data-query={result.title}>
              <caption>
                {result.title}: {result.rows.length} row{result.rows.length === 1 ? '' : 's'}
              </caption>
              <thead>
                <tr>
                  {result.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.length === 0 ? (
                  <tr>
                    <td colSpan={result.columns.length} className="cf-empty">
                      (0 rows)
                    </td>
                  </tr>
                ) : (
                  result.rows.map((row, index) => (
                    <tr key={index}>
                      {result.columns.map((column) => (
                        <td key={column}>{row[column] === null ? 'NULL' : String(row[column])}</td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <details className="cf-details">
            <summary>The query, as run by SQLite in this page</summary>
            <pre className={styles.sql}>{result.sql}</pre>
          </details>
        </div>
      ))}
    </>
  );
}

/** The documented queries, run in the page by sql.js every time the staged plan changes. */
function useQueryResults(staged: Staged): { results: QueryResult[] | null; error: string | null } {
  const [store, setStore] = useState<ActivityStore | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let opened: ActivityStore | null = null;
    loadSqlJsInBrowser().then(
      (SQL) => {
        if (!live) return;
        opened = new ActivityStore(SQL);
        setStore(opened);
      },
      (reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      live = false;
      opened?.close();
    };
  }, []);
  const results = useMemo(() => {
    if (!store) return null;
    try {
      const customers = staged.deployment.view().customers;
      const newest = customers.reduce((id, c) => Math.max(id, c.activityId), -1);
      return diagnose(store, staged.deployment.inspect().db, newest > 0 ? newest : null);
    } catch (failure) {
      setError((failure as Error).message);
      return null;
    }
  }, [store, staged]);
  return { results, error };
}

function chatAddresses(view: DeploymentView): { key: number; address: string }[] {
  return view.console.chatList.map((row) => ({
    key: row.key,
    address:
      view.database.activities.find((activity) => activity.activity_id === row.activityId)?.contact_point_data ?? '',
  }));
}

export default function Playground(): ReactNode {
  const [staged, setStaged] = useState<Staged>(EMPTY);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [inputs, setInputs] = useState<ControlInputs>(DEFAULT_INPUTS);
  const [announcement, setAnnouncement] = useState('');
  const [ready, setReady] = useState(false);
  const [gherkinShown, setGherkinShown] = useState(false);
  const [copied, setCopied] = useState('');
  // What was selected for the reader to copy by hand, where the page has no clipboard (plain http, any host but
  // localhost): the link or the Gherkin, or ''.
  const [selectedForCopy, setSelectedForCopy] = useState('');
  const shareField = useRef<HTMLInputElement>(null);
  const gherkinBlock = useRef<HTMLPreElement>(null);
  const [presetId, setPresetId] = useState(DEFAULT_PRESET.id);

  useEffect(() => {
    // With no link, the playground starts where the source starts: the premise, staged and in the address.
    const search = window.location.search || planToSearch(DEFAULT_PRESET.plan);
    const link = loadLink(search);
    setStaged(link);
    setProblems(link.problems);
    setReady(true);
    if (!window.location.search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${linkSearch(link)}`);
      setAnnouncement(`Started from the premise: ${DEFAULT_PRESET.label}. Clock ${link.deployment.view().clock}.`);
    } else if (link.plan.length) {
      setAnnouncement(
        `Loaded ${link.plan.length} step${link.plan.length === 1 ? '' : 's'} from the link. ` +
          `Clock ${link.deployment.view().clock}.`,
      );
    }
  }, []);

  const view = useMemo(() => staged.deployment.view(), [staged]);
  const diagram = useMemo(() => sequenceDiagram(staged.deployment.trace), [staged]);
  const all = useMemo(() => controls(staged.deployment, inputs, staged.plan), [staged, inputs]);
  const gherkin = useMemo(() => exportGherkin(staged), [staged]);
  const caveat = useMemo(() => gherkinCaveat(staged.plan), [staged]);
  const { results, error } = useQueryResults(staged);
  const shareUrl = ready ? `${window.location.origin}${window.location.pathname}${linkSearch(staged)}` : '';

  const commit = (next: Staged, said: string) => {
    setStaged(next);
    setCopied('');
    setSelectedForCopy('');
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${linkSearch(next)}`);
    const count = `${next.plan.length} step${next.plan.length === 1 ? '' : 's'}`;
    setAnnouncement(`${said} Clock ${next.deployment.view().clock}, ${count} staged.`);
  };
  const onStage = (action: Action) => {
    const reason = staged.deployment.rejection(action);
    if (reason !== null) {
      setAnnouncement(`Refused: ${reason}`);
      return;
    }
    commit(stage(staged, action), `Staged: ${describeAction(action)}.`);
    // A message sent leaves its field empty for the next one, as a chat window does.
    if (action.type === 'customer-sends') setInputs((old) => ({ ...old, customerText: '' }));
    if (action.type === 'agent-sends') setInputs((old) => ({ ...old, agentText: '' }));
  };
  const set = (key: keyof ControlInputs) => (value: string) => setInputs((old) => ({ ...old, [key]: value }));
  const field = (name: TextInput, placeholder?: string) => (
    <Field name={name} value={inputs[name]} onChange={set(name)} placeholder={placeholder} />
  );
  // The controls placed one by one beside their fields; `group` renders the rest of a group, so a control a new
  // action module gives appears in its group without a change here.
  const placed = new Set<string>();
  const group = (name: ControlGroup) =>
    all
      .filter((control) => control.group === name && !placed.has(control.id))
      // Keyed by position, so "Fail the X server" turning into "Restore the X server" is the same button, focus kept.
      .map((control, index) => <ControlButton key={`${name}-${index}`} control={control} onStage={onStage} />);
  const one = (id: string) => {
    placed.add(id);
    const control = all.find((c) => c.id === id)!;
    return <ControlButton key={id} control={control} onStage={onStage} />;
  };
  /** Selects the link (in its field) or the Gherkin (its block), for the reader to copy with Ctrl+C or ⌘C. */
  const selectForCopy = (what: 'link' | 'Gherkin') => {
    if (what === 'link') {
      shareField.current?.focus();
      shareField.current?.select();
    } else if (gherkinBlock.current) {
      const range = document.createRange();
      range.selectNodeContents(gherkinBlock.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
    setCopied('');
    setSelectedForCopy(what);
  };
  // The clipboard API exists only in a secure context (https, or http from localhost): elsewhere, or when the
  // browser refuses, the text is selected instead and the page says so, never nothing.
  const copy = (text: string, what: 'link' | 'Gherkin') => {
    if (typeof navigator.clipboard?.writeText !== 'function') {
      selectForCopy(what);
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => {
        setSelectedForCopy('');
        setCopied(what);
      },
      () => selectForCopy(what),
    );
  };
  const chats = chatAddresses(view);
  const loadPreset = () => {
    const preset = PRESETS.find((p) => p.id === presetId) ?? DEFAULT_PRESET;
    const loaded = loadLink(planToSearch(preset.plan));
    setProblems(loaded.problems);
    commit(loaded, `Loaded the preset “${preset.label}”.`);
  };

  return (
    <div className={styles.playground} data-ready={ready ? 'true' : 'false'} data-steps={staged.plan.length}>
      <p className={styles.status} aria-live="polite" role="status" data-testid="status">
        {announcement || `Clock ${view.clock}. Nothing staged yet.`}
      </p>
      {problems.length > 0 && (
        <div className={`alert alert--warning ${styles.problems}`} role="alert" data-testid="link-problems">
          <p>
            <strong>This link could not be read whole.</strong> The playground kept the {staged.plan.length} step
            {staged.plan.length === 1 ? '' : 's'} it could read and run:
          </p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" className="button button--secondary" onClick={() => setProblems([])}>
            Dismiss
          </button>
        </div>
      )}
      <div className={styles.layout}>
        <section className={styles.controls} aria-labelledby="playground-controls">
          <h2 id="playground-controls" className={styles.heading} tabIndex={-1}>
            Stage a step
          </h2>
          <a className={styles.skip} href="#playground-views">
            Skip to what everyone sees
          </a>
          <Group legend="Start from">
            <SelectField
              id="pg-preset"
              label="A documented combination"
              value={presetId}
              onChange={setPresetId}
              options={PRESET_OPTIONS}
            />
            <div className={styles.buttons}>
              <button
                type="button"
                id="control-load-preset"
                className={`button button--secondary ${styles.button}`}
                onClick={loadPreset}
              >
                Load this combination
              </button>
            </div>
          </Group>
          <Group legend={LEGENDS.servers}>
            <div className={styles.buttons}>{group('servers')}</div>
          </Group>
          <Group legend={LEGENDS.clock}>
            <div className={styles.buttons}>
              {one('wait-5s')}
              {one('wait-1min')}
            </div>
            <div className={styles.row}>
              {field('amount')}
              <SelectField id="pg-unit" label="Unit" value={inputs.unit} onChange={set('unit')} options={UNITS} />
            </div>
            <div className={styles.buttons}>{one('wait-amount')}</div>
            {field('clockTo', `later than ${view.clock}, e.g. ${formatDuration(staged.deployment.clock + 60)}`)}
            <div className={styles.buttons}>{one('wait-until')}</div>
          </Group>
        </section>

        <section className={styles.views} aria-labelledby="playground-views">
          <h2 id="playground-views" className={styles.heading} tabIndex={-1}>
            What everyone sees
          </h2>
          <a className={styles.skip} href="#playground-controls">
            Back to the controls
          </a>
          <Generated html={serverStrip(view)} />
          <Generated html={legend()} />
          <div className="cf-screens">
            <div className="cf-screen" data-view="customer">
              {view.customers.length ? (
                view.customers.map((customer) => <Generated key={customer.address} html={customerWindow(customer)} />)
              ) : (
                <div className="cf-window cf-customer cf-empty">No customer has opened a chat window.</div>
              )}
            </div>
            <div className="cf-screen" data-view="agent">
              <Generated html={agentConsole(view.console)} />
            </div>
          </div>
          <Outcomes staged={staged} view={view} />
          <h3 className={styles.subheading}>Database</h3>
          <div data-view="database">
            <DatabaseRows results={results} error={error} />
          </div>

          <h3 className={styles.subheading} id="playground-steps">
            Staged steps ({staged.plan.length})
          </h3>
          {staged.plan.length === 0 ? (
            <p className="cf-empty">
              Nothing staged: every server is up, no agent is logged in, no chat is open. Load the premise above to
              start where the source starts.
            </p>
          ) : (
            <ol className={styles.steps} aria-labelledby="playground-steps">
              {staged.plan.map((action, index) => (
                <li key={index}>{describeAction(action)}</li>
              ))}
            </ol>
          )}
          <div className={styles.buttons}>
            <button
              type="button"
              className="button button--secondary"
              disabled={staged.plan.length === 0}
              onClick={() => commit(undo(staged), `Undone: ${describeAction(staged.plan[staged.plan.length - 1]!)}.`)}
            >
              Undo last step
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={staged.plan.length === 0}
              onClick={() => {
                setProblems([]);
                commit(reset(), 'Reset: nothing staged.');
              }}
            >
              Reset
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={gherkin === null}
              aria-expanded={gherkinShown}
              aria-controls="playground-gherkin"
              onClick={() => setGherkinShown((shown) => !shown)}
            >
              Export as Gherkin
            </button>
          </div>
          {caveat && <p className={styles.problem}>{caveat}</p>}
          <div className={styles.field}>
            <label htmlFor="pg-share">Link to this exact outage</label>
            <div className={styles.row}>
              <input
                id="pg-share"
                ref={shareField}
                type="text"
                readOnly
                value={shareUrl}
                onFocus={(event) => event.target.select()}
              />
              <button type="button" className="button button--secondary" onClick={() => copy(shareUrl, 'link')}>
                {selectedForCopy === 'link' ? 'Link selected: press Ctrl+C' : 'Copy link'}
              </button>
            </div>
          </div>
          {gherkinShown && gherkin !== null && (
            <div id="playground-gherkin" className={styles.gherkin}>
              <p>
                The staged steps as a scenario in the project&apos;s own step sentences, ending with what everyone sees
                now. Save it as a <code>.feature</code> file and run it with <code>npx cucumber-js</code>.
              </p>
              <pre ref={gherkinBlock} tabIndex={0} aria-label="The staged steps as Gherkin" data-testid="gherkin">
                {gherkin}
              </pre>
              <div className={styles.buttons}>
                <button type="button" className="button button--secondary" onClick={() => copy(gherkin, 'Gherkin')}>
                  {selectedForCopy === 'Gherkin' ? 'Gherkin selected: press Ctrl+C' : 'Copy Gherkin'}
                </button>
                <a
                  className="button button--secondary"
                  download="staged-outage.feature"
                  href={`data:text/plain;charset=utf-8,${encodeURIComponent(gherkin)}`}
                >
                  Download .feature
                </a>
              </div>
            </div>
          )}
          {copied && (
            <p className={styles.copied} role="status">
              Copied the {copied} to the clipboard.
            </p>
          )}
          {selectedForCopy && (
            <p className={styles.copied} role="status" data-testid="copy-by-hand">
              This page has no clipboard here (it is served over plain http, not from localhost): the {selectedForCopy}{' '}
              is selected; press Ctrl+C (⌘C on a Mac) to copy it.
            </p>
          )}

          <h3 className={styles.subheading}>Sequence diagram</h3>
          {staged.plan.length === 0 ? (
            <p className="cf-empty">The diagram starts with the first staged step.</p>
          ) : (
            <div className={styles.diagram} data-view="diagram">
              <Mermaid value={diagram} />
            </div>
          )}
        </section>

        <section className={styles.more} aria-labelledby="playground-more">
          <h2 id="playground-more" className={styles.heading}>
            The customer, the agent and email
          </h2>
          <Group legend={LEGENDS.customer}>
            {field('customer')}
            {field('customerQuestion')}
            <div className={styles.buttons}>{one('customer-starts-chat')}</div>
            {field('customerText')}
            <div className={styles.buttons}>{one('customer-sends')}</div>
            <div className={styles.buttons}>{group('customer')}</div>
          </Group>
          <Group legend={LEGENDS.agent}>
            {field('agentName')}
            {field('agentText')}
            <div className={styles.row}>
              <SelectField
                id="pg-chat-with"
                label="Chat"
                value={inputs.chatWith}
                onChange={set('chatWith')}
                options={[
                  { value: '', label: 'first in the list' },
                  ...chats.map((chat) => ({
                    key: chat.key,
                    value: chat.address,
                    label: `key ${chat.key}: ${chat.address}`,
                  })),
                ]}
              />
              <SelectField
                id="pg-tab"
                label="Information tab"
                value={inputs.tab}
                onChange={set('tab')}
                options={TABS}
              />
            </div>
            <div className={styles.buttons}>{group('agent')}</div>
          </Group>
          <Group legend={LEGENDS.email}>
            {field('emailSubject')}
            {field('emailFrom')}
            <div className={styles.buttons}>{group('email')}</div>
          </Group>
        </section>
      </div>
    </div>
  );
}
