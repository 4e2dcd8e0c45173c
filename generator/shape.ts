/**
 * A small checker for the JSON shapes attachments must have: each problem is a `ShapeError` naming the field by its
 * path (`console.chatList[0].icon`), what it must be and what it held. Shapes are values, so a shape reads like the
 * type it checks (generator/attachment-shapes.ts).
 */
import { quoted } from './escape';

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `field "${path}" ${problem}` : problem);
    this.name = 'ShapeError';
  }
}

export type Shape = (value: unknown, path: string) => void;

const preview = (value: unknown): string => quoted(value);

const fail = (path: string, what: string, value: unknown): never => {
  throw new ShapeError(path, `must be ${what}; got ${preview(value)}`);
};

export const text: Shape = (v, p) => void (typeof v !== 'string' && fail(p, 'a string', v));
export const flag: Shape = (v, p) => void (typeof v !== 'boolean' && fail(p, 'true or false', v));
export const count: Shape = (v, p) =>
  void ((typeof v !== 'number' || !Number.isInteger(v) || v < 0) && fail(p, 'a whole number, 0 or more', v));
export const figure: Shape = (v, p) => void ((typeof v !== 'number' || !Number.isFinite(v)) && fail(p, 'a number', v));
export const oneOf =
  (values: readonly string[]): Shape =>
  (v, p) =>
    void (
      (typeof v !== 'string' || !values.includes(v)) &&
      fail(p, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, v)
    );

export const nullable =
  (shape: Shape): Shape =>
  (v, p) =>
    v === null ? undefined : shape(v, p);

export const list =
  (shape: Shape): Shape =>
  (v, p) => {
    if (!Array.isArray(v)) fail(p, 'a list', v);
    (v as unknown[]).forEach((item, i) => shape(item, `${p}[${i}]`));
  };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (p: string, key: string) => (p ? `${p}.${key}` : key);

/** An object with these fields (`optional` ones may be missing); other fields are ignored. */
export const fields = (
  required: Readonly<Record<string, Shape>>,
  optional: Readonly<Record<string, Shape>> = {},
): Shape => {
  // Listed once, when the shape is made: a trace checks one of these per event.
  const requiredFields = Object.entries(required);
  const optionalFields = Object.entries(optional);
  return (v, p) => {
    if (!isRecord(v)) fail(p, 'an object', v);
    const record = v as Record<string, unknown>;
    for (const [key, shape] of requiredFields) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) throw new ShapeError(at(p, key), 'is missing');
      shape(record[key], at(p, key));
    }
    for (const [key, shape] of optionalFields) {
      if (Object.prototype.hasOwnProperty.call(record, key) && record[key] !== undefined)
        shape(record[key], at(p, key));
    }
  };
};

/** An object used as a map: every key passes `key` (if given), every value `value`. */
export const mapOf =
  (value: Shape, key?: readonly string[]): Shape =>
  (v, p) => {
    if (!isRecord(v)) fail(p, 'an object', v);
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
      if (key && !key.includes(k)) {
        throw new ShapeError(at(p, k), `is not one of ${key.map((x) => JSON.stringify(x)).join(', ')}`);
      }
      value(item, at(p, k));
    }
  };

/** One of several shapes, chosen by the value of its `type` field. */
export const byType =
  (shapes: Readonly<Record<string, Shape>>): Shape =>
  (v, p) => {
    if (!isRecord(v)) fail(p, 'an object', v);
    const type = (v as Record<string, unknown>).type;
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(shapes, type)) {
      fail(
        at(p, 'type'),
        `one of ${Object.keys(shapes)
          .map((x) => JSON.stringify(x))
          .join(', ')}`,
        type,
      );
    }
    shapes[type as string]!(v, p);
  };
