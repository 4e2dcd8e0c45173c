/**
 * The canonical encoding of a deployment's state: equal states give equal encodings, so the explorer visits
 * each once. It walks the state generically (a new field of the model is encoded without a change here) with
 * these exceptions, each because no rule of the model reads what is left out:
 *
 * - the clock itself and the calendar times derived from it (when_created, sentAt, the moment a pop-up or tab
 *   appeared, an activity's creation time, which only the "Activity duration" column shows): two states that
 *   differ only in how long ago they began behave alike;
 * - every "since" (how long a window, the console or a chat has gone unheard, how long a tab has loaded) as an
 *   age, capped at the longest threshold of the model: past it, every deadline has passed;
 * - a message's delivery time, as delivered or not;
 * - the fixed tables (users, queues) and the email texts, which follow from the activities.
 *
 * Two forms follow the same rules. `encodeState` writes the encoding as text, for people and tests to read.
 * `hashState` feeds the same walk, token by token, into a 64-bit hash without building the text (the
 * explorer's hot path: a state's text is a few thousand characters): every value is a tagged token (an object
 * or array opening and closing, each key, a string, an integer, true, false, null, undefined), so two walks
 * give the same tokens exactly when they would write the same text. Strings and keys are hashed once and
 * cached. The explorer keeps only the 64-bit fingerprint, as TLC does, and prints the chance that two of its
 * distinct states share one.
 */
const OMITTED = new Set(['clock', 'when_created', 'sentAt', 'at', 'createdAt', 'users', 'queues', 'emails']);
const AGES = new Set(['unreachableSince', 'customerSilentSince', 'messagingBlockedSince', 'since']);
const PRESENCE = new Set(['deliveredAt']);

export function encodeState(state: object, clock: number, horizon: number): string {
  let out = '';
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') {
      out += typeof value === 'string' ? JSON.stringify(value) : String(value);
      return;
    }
    if (Array.isArray(value)) {
      out += '[';
      for (let i = 0; i < value.length; i++) {
        walk(value[i]);
        out += ',';
      }
      out += ']';
      return;
    }
    out += '{';
    for (const key in value) {
      if (OMITTED.has(key)) continue;
      const field = (value as Record<string, unknown>)[key];
      out += key;
      out += ':';
      if (AGES.has(key) && typeof field === 'number') out += Math.min(clock - field, horizon);
      else if (PRESENCE.has(key)) out += field === null ? '0' : '1';
      else walk(field);
      out += ',';
    }
    out += '}';
  };
  walk(state);
  return out;
}

/** The chance that two of `states` distinct states share a fingerprint (the birthday bound over 2^64). */
export function collisionChance(states: number): number {
  return (states * (states - 1)) / 2 / 2 ** 64;
}

// Tokens of the hashed walk that stand for themselves; a string, a key and an integer are tokens of their own
// (a string or key by its 64-bit hash, seeded differently for keys; an integer as itself and its complement).
const enum Token {
  object = 0x6f626a01,
  array = 0x61727202,
  end = 0x656e6403,
  number = 0x6e756d07,
  true = 0x74727508,
  false = 0x66616c09,
  null = 0x6e756c0a,
  undefined = 0x756e640b,
}

/** What the walk does with a key: encode its value as it is, leave it out, as an age, or as present or not. */
const enum Rule {
  plain,
  omitted,
  age,
  presence,
}

interface CachedString {
  /** The string as a value, and as a key: two halves each. */
  readonly a: number;
  readonly b: number;
  readonly keyA: number;
  readonly keyB: number;
  readonly rule: Rule;
}

/** Past this many distinct strings the cache starts again (plans' texts are few; this only bounds memory). */
const CACHE_LIMIT = 1 << 16;

/**
 * An incremental 64-bit hash in two 32-bit lanes (murmur3's mixing in each, with different constants), fed one
 * token at a time: a token is two 32-bit words, one for each lane. `h1`/`h2` after `finish()` are the two
 * halves of the fingerprint.
 */
export class StateHasher {
  h1 = 0;
  h2 = 0;
  private readonly strings = new Map<string, CachedString>();
  /** The root of the trie of objects' key sequences (`walk`). */
  private keys = new KeyPlace('', null);

  start(): void {
    this.h1 = 0x9747b28c;
    this.h2 = 0x2c1b3c6d;
  }

  /** One token: `x` into the first lane, `y` into the second. */
  token(x: number, y: number): void {
    let k = Math.imul(x, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    const h = this.h1 ^ k;
    this.h1 = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
    let j = Math.imul(y, 0x85ebca6b);
    j = Math.imul((j << 16) | (j >>> 16), 0xc2b2ae35);
    const g = this.h2 ^ j;
    this.h2 = (Math.imul((g << 17) | (g >>> 15), 9) + 0x52dce729) | 0;
  }

  /** A token that stands for itself (an opening, an end, a separator). */
  word(x: number): void {
    this.token(x, x);
  }

  /** A number as the text encoding writes it: integers as themselves, anything else by its text. */
  number(value: number): void {
    if ((value | 0) === value) this.token(value, ~value);
    else {
      this.word(Token.number);
      this.text(String(value));
    }
  }

  /** A string, by its cached hash: the state's texts and keys recur from state to state. */
  text(value: string): void {
    const { a, b } = this.cached(value);
    this.token(a, b);
  }

  /** A string character by character, uncached: for a whole encoding given as text (small models, tests). */
  chars(value: string): void {
    this.word(value.length);
    for (let i = 0; i < value.length; i++) this.word(value.charCodeAt(i));
  }

  /** Ends the hash: both lanes avalanched (murmur3's finaliser) and mixed into each other. */
  finish(): void {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = (h1 + h2) | 0;
    h2 = (h2 + h1) | 0;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 = (h1 + h2) | 0;
    h2 = (h2 + h1) | 0;
    this.h1 = h1;
    this.h2 = h2;
  }

  /** Feeds the canonical encoding of `state` (the rules of `encodeState`, token by token). */
  state(state: object, clock: number, horizon: number): void {
    this.walk(state, clock, horizon);
  }

  private walk(value: unknown, clock: number, horizon: number): void {
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number') return this.number(value);
    if (value === null) return this.word(Token.null);
    if (typeof value !== 'object') {
      if (value === true) return this.word(Token.true);
      if (value === false) return this.word(Token.false);
      if (value === undefined) return this.word(Token.undefined);
      return this.text(String(value));
    }
    if (Array.isArray(value)) {
      this.word(Token.array);
      for (let i = 0; i < value.length; i++) this.walk(value[i], clock, horizon);
      this.word(Token.end);
      return;
    }
    this.word(Token.object);
    // The keys of an object, followed in a trie from the root: objects of one shape walk one path, each key
    // found by comparing it with the one its place held last time (one Map lookup only where paths part).
    let place = this.keys;
    for (const key in value) {
      let next = place.next;
      if (next === null || next.key !== key) next = place.branch(key, this);
      place = next;
      const rule = next.rule;
      if (rule === Rule.omitted) continue;
      this.token(next.keyA, next.keyB);
      const field = (value as Record<string, unknown>)[key];
      if (rule === Rule.plain) this.walk(field, clock, horizon);
      else if (rule === Rule.age && typeof field === 'number') this.number(Math.min(clock - field, horizon));
      else if (rule === Rule.presence) this.number(field === null ? 0 : 1);
      else this.walk(field, clock, horizon);
    }
    this.word(Token.end);
  }

  /** The hashes and rule of a string, computed once. */
  cached(value: string): CachedString {
    let found = this.strings.get(value);
    if (found === undefined) {
      if (this.strings.size >= CACHE_LIMIT) {
        this.strings.clear();
        this.keys = new KeyPlace('', null);
      }
      let a = 0x3c6ef372 ^ value.length;
      let b = 0xa54ff53a ^ value.length;
      for (let i = 0; i < value.length; i++) {
        const ch = value.charCodeAt(i);
        a = Math.imul(a ^ ch, 0x9e3779b1);
        a = (a << 13) | (a >>> 19);
        b = Math.imul(b ^ ch, 0x85ebca77);
        b = (b << 11) | (b >>> 21);
      }
      const rule = OMITTED.has(value)
        ? Rule.omitted
        : AGES.has(value)
          ? Rule.age
          : PRESENCE.has(value)
            ? Rule.presence
            : Rule.plain;
      found = { a: fmix(a), b: fmix(b ^ a), keyA: fmix(a ^ 0x6b657904), keyB: fmix(b ^ 0x1b873593), rule };
      this.strings.set(value, found);
    }
    return found;
  }
}

/**
 * One place in the trie of key sequences: the key that led here (with its hashes and rule), the place after the
 * key that followed it last time, and, once several keys have followed it, all of them.
 */
class KeyPlace {
  readonly keyA: number;
  readonly keyB: number;
  readonly rule: Rule;
  next: KeyPlace | null = null;
  private branches: Map<string, KeyPlace> | null = null;

  constructor(
    readonly key: string,
    cached: CachedString | null,
  ) {
    this.keyA = cached?.keyA ?? 0;
    this.keyB = cached?.keyB ?? 0;
    this.rule = cached?.rule ?? Rule.plain;
  }

  /** The place after `key`, made the one tried first next time. */
  branch(key: string, hasher: StateHasher): KeyPlace {
    let place = this.branches?.get(key);
    if (place === undefined) {
      place = new KeyPlace(key, hasher.cached(key));
      if (this.next !== null && this.branches === null) this.branches = new Map([[this.next.key, this.next]]);
      this.branches?.set(key, place);
    }
    return (this.next = place);
  }
}

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
