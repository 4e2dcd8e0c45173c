/**
 * A failure situation: for each server the exploration fails, whether it never failed, is down now or was down
 * and is back, and for how long, in bands cut at the model's own thresholds (model/parameters.ts: 60, 180 and
 * 240 s by default), so "for more or less than the model's thresholds" is read off the parameters, not a list.
 * The explorer's state does not hold how long a server has been down when nobody was there to notice, so the
 * index keeps this history beside each state (and counts it as part of the state).
 */
import type { Action } from '../model/actions';
import type { ModelParameters } from '../model/parameters';

/** Per server, in the bounds' order: `u` never failed; `d<band>` down now; `b<band>` was down, back now. */
export type ServerHistory = string;

export interface FailureHistory {
  /** When each server now down failed (clock seconds), or `null`. */
  readonly downSince: readonly (number | null)[];
  /** The band of each server's last finished outage, or `null` if it never came back from one. */
  readonly lastOutage: readonly (number | null)[];
}

/** The distinct thresholds of the model's parameters, ascending: where one band of outage length ends. */
export function thresholdsOf(parameters: ModelParameters): number[] {
  return [...new Set(Object.values(parameters))].sort((a, b) => a - b);
}

/** The band of an outage `seconds` long: 0 under the first threshold, then one more per threshold reached. */
export function bandOf(seconds: number, thresholds: readonly number[]): number {
  let band = 0;
  while (band < thresholds.length && seconds >= thresholds[band]!) band++;
  return band;
}

export const noFailures = (servers: number): FailureHistory => ({
  downSince: new Array<number | null>(servers).fill(null),
  lastOutage: new Array<number | null>(servers).fill(null),
});

/** The history after `action`, which the model applied at `clock` (the clock after it, for a fail or restore). */
export function nextFailureHistory(
  history: FailureHistory,
  action: Action,
  clock: number,
  servers: readonly string[],
  thresholds: readonly number[],
): FailureHistory {
  if (action.type !== 'fail' && action.type !== 'restore') return history;
  const i = servers.indexOf(action.server);
  if (i < 0) return history;
  const downSince = [...history.downSince];
  const lastOutage = [...history.lastOutage];
  if (action.type === 'fail') downSince[i] = clock;
  else {
    lastOutage[i] = bandOf(clock - downSince[i]!, thresholds);
    downSince[i] = null;
  }
  return { downSince, lastOutage };
}

/** The situation key of a history at `clock`: one entry per server, joined by `,`. */
export function situationKey(history: FailureHistory, clock: number, thresholds: readonly number[]): string {
  return history.downSince
    .map((since, i): ServerHistory => {
      if (since !== null) return `d${bandOf(clock - since, thresholds)}`;
      const last = history.lastOutage[i];
      return last === null || last === undefined ? 'u' : `b${last}`;
    })
    .join(',');
}

/** How a band reads: "under 1 minute", "1 to 3 minutes", "4 minutes or more". */
export function bandText(band: number, thresholds: readonly number[]): string {
  const time = (seconds: number) =>
    seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} s`;
  if (band === 0) return `under ${time(thresholds[0]!)}`;
  if (band >= thresholds.length) return `${time(thresholds.at(-1)!)} or more`;
  const [from, to] = [thresholds[band - 1]!, thresholds[band]!];
  return from % 60 === 0 && to % 60 === 0 ? `${from / 60} to ${time(to)}` : `${time(from)} to ${time(to)}`;
}

export interface SituationSummary {
  readonly key: string;
  /** Servers down now and servers back, each with its band. */
  readonly down: readonly { readonly server: string; readonly band: number }[];
  readonly back: readonly { readonly server: string; readonly band: number }[];
  /** "Messaging server down for under 1 minute; Application server was down for 1 to 3 minutes and is back". */
  readonly text: string;
  /** The ranking rule's key: fewest servers failed, then the shortest outages (the sum of their bands). */
  readonly failed: number;
  readonly length: number;
}

export const RANKING_RULE =
  'fewest servers failed first, then the shortest outages (the sum of their lengths, in the bands above); situations equal on both share a rank';

export function summarise(key: string, servers: readonly string[], thresholds: readonly number[]): SituationSummary {
  // No server at all (a trace in which none failed) is the empty key, not one server with an empty part.
  const parts = key === '' ? [] : key.split(',');
  const down: { server: string; band: number }[] = [];
  const back: { server: string; band: number }[] = [];
  parts.forEach((part, i) => {
    if (part === 'u') return;
    (part[0] === 'd' ? down : back).push({ server: servers[i]!, band: Number(part.slice(1)) });
  });
  const names = (list: readonly { server: string }[]) => {
    const words = list.map((s) => s.server);
    return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  };
  const group = <T extends { server: string; band: number }>(list: readonly T[]) => {
    const bands = new Map<number, T[]>();
    for (const entry of list) bands.set(entry.band, [...(bands.get(entry.band) ?? []), entry]);
    return [...bands.entries()];
  };
  const sentences = [
    ...group(down).map(
      ([band, list]) => `${names(list)} server${list.length > 1 ? 's' : ''} down for ${bandText(band, thresholds)}`,
    ),
    ...group(back).map(
      ([band, list]) =>
        `${names(list)} server${list.length > 1 ? 's were' : ' was'} down for ${bandText(band, thresholds)} and ${list.length > 1 ? 'are' : 'is'} back`,
    ),
  ];
  return {
    key,
    down,
    back,
    text: sentences.length ? sentences.join('; ') : 'No server failed',
    failed: down.length + back.length,
    length: [...down, ...back].reduce((sum, s) => sum + s.band, 0),
  };
}

/** A trace's server events: enough of model/trace.ts's `TraceEvent` to read a failure history off them. */
type ServerEvent = { readonly type: string; readonly at: number; readonly server?: string };

/**
 * The situation at `clock` after the server failures and restorations of a trace (a scenario's, or the
 * playground's): every server that failed, in the model's order of roles (instances such as `Application 2`
 * after their role), with its band. Only servers that failed are named, so a plan with a second Application
 * server has a situation of its own.
 */
export function situationOfTrace(
  events: readonly ServerEvent[],
  clock: number,
  thresholds: readonly number[],
  roles: readonly string[],
): SituationSummary {
  const failed = [...new Set(events.filter((e) => e.type === 'server-failed').map((e) => e.server!))];
  const rank = (server: string) => {
    const role = roles.findIndex((r) => server === r || server.startsWith(`${r} `));
    return role < 0 ? roles.length : role;
  };
  const servers = failed.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  let history = noFailures(servers.length);
  for (const event of events) {
    if (event.type !== 'server-failed' && event.type !== 'server-restored') continue;
    const action = { type: event.type === 'server-failed' ? 'fail' : 'restore', server: event.server } as Action;
    history = nextFailureHistory(history, action, event.at, servers, thresholds);
  }
  const summary = summarise(situationKey(history, clock, thresholds), servers, thresholds);
  return { ...summary, key: servers.map((server, i) => `${server}:${summary.key.split(',')[i]}`).join(',') };
}
