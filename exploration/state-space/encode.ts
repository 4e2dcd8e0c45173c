/**
 * The canonical encoding of a deployment's state: equal states give equal text, so the explorer visits each
 * once. It walks the state generically (a new field of the model is encoded without a change here) with three
 * exceptions, each because no rule of the model reads what is left out:
 *
 * - the clock itself and the calendar times derived from it (when_created, sentAt, the moment a pop-up or tab
 *   appeared, an activity's creation time, which only the "Activity duration" column shows): two states that
 *   differ only in how long ago they began behave alike;
 * - every "since" (how long a window, the console or a chat has gone unheard, how long a tab has loaded) as an
 *   age, capped at the longest threshold of the model: past it, every deadline has passed;
 * - a message's delivery time, as delivered or not;
 * - the fixed tables (users, queues) and the email texts, which follow from the activities.
 *
 * The text is then hashed to a 53-bit fingerprint (as TLC keeps 64-bit fingerprints); the explorer prints the
 * chance that two of its distinct states share one.
 */
const OMITTED = new Set(['clock', 'when_created', 'sentAt', 'at', 'createdAt', 'users', 'queues', 'emails']);
const AGES = new Set(['unreachableSince', 'customerSilentSince', 'since']);
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

/** cyrb53 (public domain): a fast 53-bit string hash with good spread. */
export function fingerprint(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The chance that two of `states` distinct states share a fingerprint (the birthday bound over 2^53). */
export function collisionChance(states: number): number {
  return (states * (states - 1)) / 2 / 2 ** 53;
}
