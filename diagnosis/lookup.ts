/**
 * Answers "what am I seeing?" from the diagnosis index: every situation with an explored state that shows all the
 * observations picked (a reader need not report everything they see), ranked by the index's stated rule, each
 * with the shortest plan that shows them; the one further observation that best tells the candidates apart; and,
 * when nothing fits, the nearest situations with what they do not show. Pure: the page and `npm run diagnose`
 * both call it, so they cannot answer differently.
 */
import type { Action } from '../model/actions';
import type { DiagnosisIndex, SituationInfo } from './index-format';
import { covers, parseMask } from './masks';
import type { Observation } from './observations';

export interface Candidate {
  readonly situation: SituationInfo;
  /** 1 for the most likely; situations equal under the ranking rule share a rank. */
  readonly rank: number;
  /** The shortest explored plan, from an empty deployment, to a state of this situation showing every pick. */
  readonly plan: readonly Action[];
  /**
   * Whether a state of it shows exactly what is picked and nothing else. Two such candidates cannot be told apart by
   * any observation the index knows once everything seen is picked: the rule orders them, and the answer says so.
   */
  readonly exact: boolean;
}

export interface Telling {
  readonly observation: Observation;
  /** Situations with a state showing it as well (by their text), and with a state not showing it. */
  readonly ifSeen: readonly string[];
  readonly ifNotSeen: readonly string[];
}

export interface Near {
  readonly situation: SituationInfo;
  /** The picked observations it never shows together with the others (none: it shows them all, with more). */
  readonly missing: readonly Observation[];
}

export interface Answer {
  readonly picked: readonly Observation[];
  /** Whether the picks are everything seen (`diagnose`'s `complete`). */
  readonly complete: boolean;
  readonly candidates: readonly Candidate[];
  /** How many candidates share the first rank (more than one: the observations so far cannot order them). */
  readonly tiedFirst: number;
  /** How many candidates are `exact`: more than one, and nothing more to see tells those apart (a tie the rule orders). */
  readonly exact: number;
  readonly telling: Telling | null;
  /** Only when no situation fits. */
  readonly nearest: readonly Near[];
}

export class UnknownObservation extends Error {}

const normal = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[[\]"“”.]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** Whether score `a` beats `b`, compared entry by entry. */
function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

export class Diagnoser {
  private readonly words: number;
  private readonly masks: Uint32Array[];
  private readonly depth: number[];
  /** The distinct masks of the entries, and which of them each entry has: a lookup tests each distinct mask once. */
  private readonly distinct: Uint32Array[] = [];
  private readonly maskOfEntry: Int32Array;

  constructor(readonly index: DiagnosisIndex) {
    this.words = Math.max(1, Math.ceil(index.observations.length / 32));
    this.masks = index.entries.map(([hex]) => parseMask(hex, this.words));
    const known = new Map<string, number>();
    this.maskOfEntry = Int32Array.from(index.entries, ([hex], e) => {
      let m = known.get(hex);
      if (m === undefined) known.set(hex, (m = this.distinct.push(this.masks[e]!) - 1));
      return m;
    });
    const depths: number[] = [];
    const depthOf = (node: number): number => {
      if (node < 0) return 0;
      return (depths[node] ??= depthOf(index.plans[node]![0]) + 1);
    };
    this.depth = index.entries.map(([, , node]) => depthOf(node));
  }

  get observations(): readonly Observation[] {
    return this.index.observations;
  }

  /**
   * The observation `words` name: its id ("chat icon: red square"), its screen text, or a part of either that
   * only one observation has; otherwise an error naming the nearest known observations.
   */
  resolve(words: string): Observation {
    const wanted = normal(words);
    const all = this.index.observations;
    const exact = all.filter((o) => normal(o.id) === wanted || normal(o.text) === wanted);
    if (exact.length === 1) return exact[0]!;
    const partial = exact.length ? exact : all.filter((o) => wanted && normal(o.id).includes(wanted));
    if (partial.length === 1) return partial[0]!;
    if (partial.length > 1) {
      throw new UnknownObservation(
        `"${words}" could be any of: ${partial.map((o) => `"${o.id}"`).join(', ')}; name one of them whole`,
      );
    }
    const nearest = [...all]
      .map((o) => ({ o, d: Math.min(distance(wanted, normal(o.text)), distance(wanted, normal(o.id))) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map(({ o }) => `"${o.id}"`);
    throw new UnknownObservation(`"${words}" is no observation the model shows; nearest: ${nearest.join(', ')}`);
  }

  private planOf(entry: number): Action[] {
    const plan: Action[] = [];
    for (let node = this.index.entries[entry]![2]; node >= 0; node = this.index.plans[node]![0]) {
      plan.push(this.index.actions[this.index.plans[node]![1]]!);
    }
    return plan.reverse();
  }

  private maskOf(picked: readonly Observation[]): Uint32Array {
    const mask = new Uint32Array(this.words);
    for (const o of picked) {
      const i = this.index.observations.findIndex((known) => known.id === o.id);
      if (i < 0) throw new UnknownObservation(`"${o.id}" is not in the diagnosis index`);
      mask[i >>> 5]! |= 1 << (i & 31);
    }
    return mask;
  }

  /**
   * The answer to `picked`. A situation fits when one of its states shows everything picked; or, when the picks are
   * `complete` (everything seen, as the round-trip test diagnoses a state), when one shows exactly that and nothing
   * else: then every candidate shows the same, no observation tells them apart, and the rule alone orders them.
   */
  diagnose(
    picked: readonly Observation[],
    options: { readonly rankOnly?: boolean; readonly complete?: boolean } = {},
  ): Answer {
    const wanted = this.maskOf(picked);
    const { entries, situations } = this.index;
    /** Per situation: its best entry, and every entry that fits. */
    const fitting = new Map<number, number[]>();
    const same = this.distinct.map((mask) => mask.every((word, w) => word === wanted[w]));
    const fits = options.complete ? same : this.distinct.map((mask) => covers(mask, wanted));
    entries.forEach(([, situation], e) => {
      if (!fits[this.maskOfEntry[e]!]) return;
      const list = fitting.get(situation);
      if (list) list.push(e);
      else fitting.set(situation, [e]);
    });
    const order = (a: SituationInfo, b: SituationInfo) => a.failed - b.failed || a.length - b.length;
    const ranked = [...fitting.entries()].sort(
      ([a], [b]) => order(situations[a]!, situations[b]!) || situations[a]!.text.localeCompare(situations[b]!.text),
    );
    let rank = 0;
    const candidates = ranked.map(([s, list], i): Candidate => {
      if (i === 0 || order(situations[ranked[i - 1]![0]]!, situations[s]!) !== 0) rank = i + 1;
      const best = list.reduce((a, b) => (this.depth[b]! < this.depth[a]! ? b : a));
      const exact = list.some((e) => same[this.maskOfEntry[e]!]);
      return { situation: situations[s]!, rank, plan: this.planOf(best), exact };
    });
    return {
      picked,
      complete: options.complete ?? false,
      candidates,
      tiedFirst: candidates.filter((c) => c.rank === 1).length,
      exact: candidates.filter((c) => c.exact).length,
      telling: candidates.length > 1 && !options.rankOnly && !options.complete ? this.telling(wanted, ranked) : null,
      nearest: candidates.length || options.rankOnly ? [] : this.nearest(picked),
    };
  }

  /**
   * The observation not yet picked that splits the candidates best: seeing it rules out the candidates none of
   * whose fitting states show it, not seeing it those all of whose do. Preferred: one that sets the first
   * candidate apart from the rest; then the one that rules out most, whichever way the answer goes.
   */
  private telling(wanted: Uint32Array, ranked: readonly (readonly [number, number[]])[]): Telling | null {
    // Per candidate: the observations some fitting state shows (any), and those every one shows (all).
    const any = ranked.map(([, list]) => {
      const mask = new Uint32Array(this.words);
      for (const e of list) for (let w = 0; w < this.words; w++) mask[w]! |= this.masks[e]![w]!;
      return mask;
    });
    const all = ranked.map(([, list]) => {
      const mask = new Uint32Array(this.words).fill(0xffffffff);
      for (const e of list) for (let w = 0; w < this.words; w++) mask[w]! &= this.masks[e]![w]!;
      return mask;
    });
    const has = (mask: Uint32Array, o: number) => (mask[o >>> 5]! & (1 << (o & 31))) !== 0;
    let best: { score: number[]; o: number } | null = null;
    for (let o = 0; o < this.index.observations.length; o++) {
      if (has(wanted, o)) continue;
      let always = 0;
      let never = 0;
      for (let c = 0; c < ranked.length; c++) {
        if (has(all[c]!, o)) always++;
        else if (!has(any[c]!, o)) never++;
      }
      const total = ranked.length;
      // Seeing it rules out those that never show it; not seeing it, those that always do.
      const split = Math.min(never, total - never) + Math.min(always, total - always);
      if (split === 0) continue;
      const firstApart =
        (has(all[0]!, o) && total - never === 1) ||
        (!has(any[0]!, o) && never === 1) ||
        (has(all[0]!, o) && always === 1 && never === total - 1)
          ? 1
          : 0;
      const score = [firstApart, split];
      if (!best || better(score, best.score)) best = { score, o };
    }
    if (!best) return null;
    const o = best.o;
    const text = (keep: (c: number) => boolean) =>
      ranked.flatMap(([s], c) => (keep(c) ? [this.index.situations[s]!.text] : []));
    return {
      observation: this.index.observations[o]!,
      ifSeen: text((c) => has(any[c]!, o)),
      ifNotSeen: text((c) => !has(all[c]!, o)),
    };
  }

  /** The situations showing the most of the picked observations together (every one tied for nearest, and at least five), and which of them they never do. */
  private nearest(picked: readonly Observation[]): Near[] {
    const ids = picked.map((o) => this.index.observations.findIndex((known) => known.id === o.id));
    const missingOf = new Map<number, number[]>();
    this.index.entries.forEach(([, situation], e) => {
      const missing = ids.filter((i) => !(this.masks[e]![i >>> 5]! & (1 << (i & 31))));
      const known = missingOf.get(situation);
      if (!known || missing.length < known.length) missingOf.set(situation, missing);
    });
    const { situations } = this.index;
    const sorted = [...missingOf.entries()].sort(
      ([a, ma], [b, mb]) =>
        ma.length - mb.length ||
        situations[a]!.failed - situations[b]!.failed ||
        situations[a]!.length - situations[b]!.length,
    );
    // Every situation as near as the nearest is listed (at least five): cutting a tie by the ranking rule would hide
    // a failure exactly as near as those shown.
    const least = sorted[0]?.[1].length ?? 0;
    return sorted
      .filter(([, missing], i) => i < 5 || missing.length === least)
      .map(([s, missing]) => ({ situation: situations[s]!, missing: missing.map((i) => this.index.observations[i]!) }));
  }
}

/**
 * The tie the answer reports, in the words the page and `npm run diagnose` both print: the candidates that show
 * exactly what is picked and nothing else, which no observation the index knows tells apart once everything seen is
 * picked, so that only the ranking rule orders them. `null` when fewer than two do.
 */
export function exactTie(answer: Answer): string | null {
  if (answer.exact < 2) return null;
  return answer.complete
    ? `All ${answer.exact} show exactly this and nothing else: no observation tells them apart, so only the ranking rule orders them.`
    : `${answer.exact} of them show exactly what is picked and nothing else: if that is everything seen, no observation tells those apart, and only the ranking rule orders them.`;
}

/** How a near situation differs from the picks. */
export function nearDifference(near: Near, name: (o: Observation) => string): string {
  return near.missing.length
    ? `never with ${near.missing.map(name).join(', ')}`
    : 'shows all of that, never without something more';
}

/**
 * The situations no report tells apart: for every set of observations one of their states shows (all of it, as a
 * reader who reports everything would), the answer ranks another situation first or ties it with one.
 */
export function indistinguishableSituations(diagnoser: Diagnoser): number[] {
  const { index } = diagnoser;
  const singled = new Set<string>();
  for (const hex of new Set(index.entries.map(([mask]) => mask))) {
    const mask = parseMask(hex, Math.max(1, Math.ceil(index.observations.length / 32)));
    const picked = index.observations.filter((_, o) => (mask[o >>> 5]! & (1 << (o & 31))) !== 0);
    const answer = diagnoser.diagnose(picked, { rankOnly: true, complete: true });
    if (answer.tiedFirst === 1) singled.add(answer.candidates[0]!.situation.key);
  }
  return index.situations.flatMap((s, i) => (singled.has(s.key) ? [] : [i]));
}
