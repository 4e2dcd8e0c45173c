/**
 * A deep copy of plain data, for `Runtime.clone()`: the state-space explorer copies the whole deployment once
 * per transition, and `structuredClone` (which serialises and deserialises) was most of its time. It copies
 * what `structuredClone` copies and as it does, generically, so a new field of the state is copied without a
 * change here: arrays, plain objects (their own enumerable keys, in order), Maps and Sets, all the way down;
 * numbers, strings, booleans, null and undefined as they are. An object reached twice (a chat line that is
 * both in the session's transcript and on a screen, which the model tells apart by identity) is copied once
 * and reached twice in the copy too. An object frozen all the way down (reference data such as the users
 * table) cannot change, so the copy shares it: lookups the model keeps by such an object's identity stay valid
 * in the copy. Any other object (a class instance) is not plain data and is refused, so the state cannot
 * quietly start sharing something mutable between copies.
 */
export function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  copies = new Map();
  try {
    return copyObject(value) as T;
  } finally {
    copies = EMPTY;
  }
}

const EMPTY = new Map<object, object>();
/** Each object of the one copy under way, with its copy (so one reached twice is copied once). */
let copies = EMPTY;

function copyObject(value: object): object {
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Object.isFrozen(value) && isImmutable(value)) return value;
  if (Array.isArray(value)) {
    // slice keeps the array's elements kind (packed numbers stay packed); then only nested objects are replaced.
    const out = value.slice();
    copies.set(value, out);
    for (let i = 0; i < out.length; i++) {
      const item: unknown = out[i];
      if (typeof item === 'object' && item !== null) out[i] = copyObject(item);
    }
    return out;
  }
  // Measured fastest of spread, Object.keys and Object.assign for the state's small objects of many shapes.
  if (value.constructor === Object) {
    const out: Record<string, unknown> = {};
    copies.set(value, out);
    for (const key in value) {
      const field = (value as Record<string, unknown>)[key];
      const copy = typeof field === 'object' && field !== null ? copyObject(field) : field;
      if (key === '__proto__') defineOwn(out, key, copy);
      else out[key] = copy;
    }
    return out;
  }
  return copyOther(value);
}

/** The rare cases: an object without a prototype or with an own "constructor" key, a Map, a Set, or no plain data. */
function copyOther(value: object): object {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const out: Record<string, unknown> = {};
    copies.set(value, out);
    for (const key in value) defineOwn(out, key, copyValue((value as Record<string, unknown>)[key]));
    return out;
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    copies.set(value, out);
    for (const [key, item] of value as Map<unknown, unknown>) out.set(copyValue(key), copyValue(item));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    copies.set(value, out);
    for (const item of value as Set<unknown>) out.add(copyValue(item));
    return out;
  }
  throw new TypeError(`copyPlain copies plain data only, not a ${value.constructor?.name ?? 'value'}`);
}

function copyValue(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? copyObject(value) : value;
}

/** An own data property, even for a key such as "__proto__" that an assignment would treat specially. */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Frozen objects found frozen all the way down: nothing can change them, so every copy may share them. */
const immutable = new WeakSet<object>();

function isImmutable(value: object): boolean {
  if (immutable.has(value)) return true;
  const marked: object[] = [];
  if (frozenThrough(value, marked)) return true;
  for (const object of marked) immutable.delete(object);
  return false;
}

/** Marks `value` and what it holds as immutable, provisionally (a frozen cycle counts as checked). */
function frozenThrough(value: object, marked: object[]): boolean {
  if (immutable.has(value)) return true;
  if (!Object.isFrozen(value) || value instanceof Map || value instanceof Set) return false;
  immutable.add(value);
  marked.push(value);
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'object' && field !== null && !frozenThrough(field, marked)) return false;
  }
  return true;
}
