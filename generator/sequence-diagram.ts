/**
 * A mermaid sequence diagram drawn from a scenario's trace: each hop of a request or message is an arrow
 * (a cross where it was lost), what appears on a screen is a note over that screen, and the time while servers
 * are down is a shaded band opened by a note naming them.
 */
import { SCREENS } from './closed-sets';
import { closedValue, mermaidLines, mermaidText } from './escape';
import { roleOf, type Role, type Server } from '../model/servers';
import { PARTICIPANTS, sameEvents, type TraceEvent } from '../model/trace';

/** Characters a line of a note over one lane, or of an arrow's label, may hold before it wraps. */
const NOTE_WIDTH = 24;
const ARROW_WIDTH = 26;

const PARTICIPANT_LABELS: readonly (readonly [string, string])[] = [
  ['Customer', "Customer's chat window"],
  ['Web', 'Web server'],
  ['Application', 'Application server'],
  ['Messaging', 'Messaging server'],
  ['Services', 'Services server'],
  ['Database', 'Database'],
  ['AgentConsole', 'Agent console'],
];

/** The diagram's participant lines, the same in every diagram. */
const PARTICIPANT_LINES = PARTICIPANT_LABELS.map(([id, label]) => `  participant ${id} as ${mermaidLines(label, 12)}`);

const SERVER_ORDER = ['Web', 'Application', 'Messaging', 'Services', 'Database'];
const OUTAGE_BAND = 'rect rgba(220, 38, 38, 0.1)';
const WHOLE_WIDTH = 'Customer,AgentConsole';

export interface DiagramOptions {
  /** Leave out the first `skip` events (a start shared with other scenarios, drawn once elsewhere). */
  readonly skip?: number;
  /** The note that stands for the events left out. */
  readonly skippedNote?: string;
  /** Indices of events to mark as changed (against another run): drawn in a yellow band, labelled. */
  readonly marked?: ReadonlySet<number>;
  /** The diagram's accessible name (mermaid's `accTitle`); a description is always derived from the events. */
  readonly title?: string;
}

/** What a screen reader says about a diagram: who takes part, how many messages, what was lost, what failed. */
function accessibleDescription(events: readonly TraceEvent[]): string {
  const hops = events.filter((e) => e.type === 'hop');
  const lost = hops.filter((e) => e.type === 'hop' && !e.delivered).length;
  const failed = [...new Set(events.flatMap((e) => (e.type === 'server-failed' ? [e.server] : [])))];
  const restored = [...new Set(events.flatMap((e) => (e.type === 'server-restored' ? [e.server] : [])))];
  return [
    `Sequence diagram between the customer's chat window, the Web, Application, Messaging and Services servers, the database and the agent console: ${hops.length} message hops, ${lost} lost`,
    failed.length ? `, and ${listServers(failed)} ${failed.length > 1 ? 'fail' : 'fails'}` : ', and no server fails',
    restored.length ? `, then ${listServers(restored)} ${restored.length > 1 ? 'are' : 'is'} restored` : '',
    '.',
  ].join('');
}

const CHANGED_BAND = 'rect rgba(250, 204, 21, 0.35)';

/** Groups a trace into the steps of its plan: each group starts with a `step` event. */
export function stepGroups(events: readonly TraceEvent[]): TraceEvent[][] {
  const groups: TraceEvent[][] = [];
  for (const event of events) {
    if (event.type === 'step' || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(event);
  }
  return groups;
}

/**
 * How many leading events every trace shares, counted in whole steps, leaving each trace at least one step of
 * its own. Zero when fewer than two traces are given.
 */
export function sharedStart(traces: readonly (readonly TraceEvent[])[]): number {
  if (traces.length < 2) return 0;
  const grouped = traces.map(stepGroups);
  const shortest = Math.min(...grouped.map((g) => g.length));
  // Step by step, and only as far as the traces agree: a large run's pages have many long traces.
  let events = 0;
  for (let common = 0; common < shortest - 1; common++) {
    const first = grouped[0]![common]!;
    if (!grouped.every((g, k) => k === 0 || sameEvents(g[common]!, first))) break;
    events += first.length;
  }
  return events;
}

function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

function parseClock(text: string): number | null {
  const match = /^(\d{2,}):(\d{2}):(\d{2})\b/.exec(text);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null;
}

function listServers(servers: readonly string[]): string {
  if (servers.length === 1) return `the ${servers[0]} server`;
  return `the ${servers.slice(0, -1).join(', ')} and ${servers[servers.length - 1]} servers`;
}

/** Characters of a text from the run that a label shows; a longer one is cut, its whole text listed as a note. */
export const LABEL_MAX = 160;

export interface DiagramParts {
  readonly diagram: string;
  /** The whole texts of the labels cut short, numbered as the labels refer to them (`[1]`). */
  readonly notes: readonly string[];
}

export function sequenceDiagram(events: readonly TraceEvent[], options: DiagramOptions = {}): string {
  return sequenceDiagramParts(events, options).diagram;
}

/** The diagram, with texts longer than `LABEL_MAX` cut short and given back whole, to be shown beside it. */
export function sequenceDiagramParts(events: readonly TraceEvent[], options: DiagramOptions = {}): DiagramParts {
  const notes: string[] = [];
  const fit = (text: string): string => {
    if (text.length <= LABEL_MAX) return text;
    notes.push(text);
    return `${text.slice(0, LABEL_MAX - 8).trimEnd()}… [${notes.length}]`;
  };
  const skip = options.skip ?? 0;
  const lines = ['sequenceDiagram'];
  lines.push(`  accTitle: ${mermaidText(options.title ?? 'What happened, hop by hop')}`);
  lines.push(`  accDescr: ${mermaidText(accessibleDescription(events.slice(skip)))}`);
  lines.push(...PARTICIPANT_LINES);

  const down = new Set<string>();
  for (const event of events.slice(0, skip)) {
    if (event.type === 'server-failed') down.add(event.server);
    if (event.type === 'server-restored') down.delete(event.server);
  }
  let indent = '  ';
  let bandOpen = false;
  const emit = (line: string) => lines.push(indent + line);
  const openBand = () => {
    if (down.size === 0) return;
    emit(OUTAGE_BAND);
    indent = '    ';
    bandOpen = true;
    const servers = inOrder([...down]);
    const [first, last] = span(servers);
    emit(`Note over ${first},${last}: ${mermaidLines(`${servers.join(', ')} down`, NOTE_WIDTH)}`);
  };
  const closeBand = () => {
    if (!bandOpen) return;
    indent = '  ';
    emit('end');
    bandOpen = false;
  };

  if (skip > 0 && options.skippedNote) emit(`Note over ${WHOLE_WIDTH}: ${mermaidText(options.skippedNote)}`);
  openBand();

  let clock = skip > 0 ? (events[skip - 1]?.at ?? 0) : 0;
  const rest = events.slice(skip);
  const isMarked = (i: number): boolean => options.marked?.has(skip + i) ?? false;
  /** A changed message or note inside its own band (nested in an outage band when one is open). */
  const marking = (changed: boolean, draw: () => void): void => {
    if (!changed) return draw();
    emit(CHANGED_BAND);
    const outer = indent;
    indent = `${outer}  `;
    draw();
    indent = outer;
    emit('end');
  };
  for (let i = 0; i < rest.length; i++) {
    const event = rest[i]!;
    if (event.at !== clock && !(event.type === 'step' && event.actor === 'Clock')) {
      emit(`Note over ${WHOLE_WIDTH}: ${mermaidText(`at ${formatClock(event.at)}`)}`);
    }
    clock = event.at;
    switch (event.type) {
      case 'step': {
        if (event.actor === 'Clock') {
          const passed = parseClock(event.what);
          const until = passed === null ? '' : ` (clock ${formatClock(event.at)} to ${formatClock(event.at + passed)})`;
          emit(`Note over ${WHOLE_WIDTH}: ${mermaidText(`${fit(event.what)}${until}`)}`);
          if (passed !== null) clock = event.at + passed;
        } else if (event.actor === 'Operator' && !rest[i + 1]?.type.startsWith('server-')) {
          emit(`Note over Services: ${mermaidLines(fit(event.what), NOTE_WIDTH)}`);
        }
        break;
      }
      case 'server-failed':
      case 'server-restored': {
        // Servers that fail or return together (with nothing in between) change the band once.
        const failed: string[] = [];
        const restored: string[] = [];
        let j = i;
        for (; j < rest.length; j++) {
          const e = rest[j]!;
          if (e.at !== event.at) break;
          if (e.type === 'server-failed') failed.push(e.server);
          else if (e.type === 'server-restored') restored.push(e.server);
          else if (!(e.type === 'step' && e.actor === 'Operator' && rest[j + 1]?.type.startsWith('server-'))) break;
        }
        i = j - 1;
        closeBand();
        for (const server of restored) down.delete(server);
        if (restored.length) {
          const [first, last] = span(restored);
          emit(
            `Note over ${first},${last}: ${mermaidLines(`${capitalise(listServers(restored))} ${restored.length > 1 ? 'are' : 'is'} restored`, NOTE_WIDTH)}`,
          );
        }
        for (const server of failed) down.add(server);
        if (failed.length) {
          const [first, last] = span(failed);
          emit(
            `Note over ${first},${last}: ${mermaidLines(`${capitalise(listServers(failed))} ${failed.length > 1 ? 'fail' : 'fails'}`, NOTE_WIDTH)}`,
          );
        }
        openBand();
        break;
      }
      case 'hop': {
        const from = closedValue(event.from, PARTICIPANTS, 'hop from');
        const to = closedValue(event.to, PARTICIPANTS, 'hop to');
        const changed = isMarked(i);
        const what = `${changed ? 'changed: ' : ''}${fit(event.what)}`;
        marking(changed, () =>
          emit(
            event.delivered
              ? `${from}->>${to}: ${mermaidLines(what, ARROW_WIDTH)}`
              : `${from}-x${to}: ${mermaidLines(`${what}, lost`, ARROW_WIDTH)}`,
          ),
        );
        break;
      }
      case 'shown': {
        const shown = [event.what];
        let changed = isMarked(i);
        while (
          rest[i + 1]?.type === 'shown' &&
          (rest[i + 1] as typeof event).on === event.on &&
          rest[i + 1]!.at === event.at
        ) {
          shown.push((rest[++i] as typeof event).what);
          changed ||= isMarked(i);
        }
        if (changed) shown.unshift('changed:');
        const on = closedValue(event.on, SCREENS, 'shown on');
        marking(changed, () =>
          emit(`Note over ${on}: ${shown.map((line) => mermaidLines(fit(line), NOTE_WIDTH)).join('<br/>')}`),
        );
        break;
      }
    }
  }
  closeBand();
  return { diagram: lines.join('\n'), notes };
}

/** Servers in the lanes' order, an instance (`Application 2`) after its role's own server. */
function inOrder(servers: readonly string[]): string[] {
  const lane = (server: string) => SERVER_ORDER.indexOf(roleOf(server as Server));
  return [...servers].sort((a, b) => lane(a) - lane(b) || a.localeCompare(b));
}

/** The first and last lanes of these servers: an instance is drawn in its role's lane. */
function span(servers: readonly string[]): [string, string] {
  const roles = new Set(servers.map((server) => roleOf(server as Server)));
  const ordered = SERVER_ORDER.filter((s) => roles.has(s as Role));
  return [ordered[0]!, ordered[ordered.length - 1]!];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
