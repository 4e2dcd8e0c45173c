/**
 * Checks a parsed cucumber message against the messages' own JSON schema (`messages.schema.json`, shipped in
 * `@cucumber/messages`), so that a file of another shape (a `testResult` where cucumber writes
 * `testStepResult`, a number as a scenario's name, a status cucumber does not have) is refused by field rather
 * than read as "not run" or crashing later.
 *
 * The schema uses a small part of JSON Schema (type, properties, required, additionalProperties, enum, items,
 * minItems, minimum, maximum, $ref); a validator compiled by a general library (Ajv) costs over half a second
 * per process for this schema, more than reading the suite's whole run, so this reads the schema directly.
 */
import { readFileSync } from 'node:fs';
import { quoted } from './escape';

interface Schema {
  readonly $id?: string;
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly definitions?: Readonly<Record<string, Schema>>;
}

type RootSchema = Schema & { readonly $defs: Readonly<Record<string, Schema>> };

/**
 * The schema of the `@cucumber/messages` that cucumber-js writes with: the project depends on the version cucumber-js
 * pins, so both resolve to one package (test/unit/generator/dependencies.test.ts fails if they drift apart).
 */
export const SCHEMA_FILE = require.resolve('@cucumber/messages/schema');

/** Read once, on first use. */
let root: RootSchema | null = null;
function rootSchema(): RootSchema {
  root ??= JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as RootSchema;
  return root;
}
const SCHEMA_BASE = 'https://cucumber.io/schema/';

/** At most this many problems are reported for one message: enough to see the pattern, short enough to read. */
const MAX_PROBLEMS = 4;

/** Each `$ref` node resolved once: the same node always points at the same place. */
const resolved = new WeakMap<Schema, { schema: Schema; document: Schema }>();

function resolve(node: Schema, document: Schema): { schema: Schema; document: Schema } {
  const known = resolved.get(node);
  if (known) return known;
  const ref = node.$ref!;
  let found: { schema: Schema; document: Schema } | null = null;
  if (ref.startsWith('#/definitions/')) {
    const schema = document.definitions?.[ref.slice('#/definitions/'.length)];
    if (schema) found = { schema, document };
  } else {
    // Another schema file of the set: `./Pickle.schema.json`, or with no `./` (the schema has both).
    const target = rootSchema().$defs[SCHEMA_BASE + ref.replace(/^\.\//, '')];
    if (target) found = { schema: target, document: target };
  }
  if (!found) throw new Error(`messages.schema.json: unresolvable $ref ${ref}`);
  resolved.set(node, found);
  return found;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const describe = (value: unknown): string => quoted(value);

/** Where a value is, from the envelope: built into text only when something there is wrong. */
interface Path {
  readonly parent: Path | null;
  readonly key: string | number;
}

function pathText(path: Path): string {
  const parts: string[] = [];
  for (let p: Path | null = path; p; p = p.parent) {
    // A key from the input that is no plain name is quoted, so a path is one line whatever the key holds.
    const key = typeof p.key === 'number' || /^[\w$]+$/.test(p.key) ? p.key : quoted(p.key);
    parts.push(typeof key === 'number' || key !== p.key ? `[${key}]` : p.parent ? `.${key}` : key);
  }
  return parts.reverse().join('');
}

type Checker = (value: unknown, path: Path, problems: string[]) => void;

/**
 * Each schema node made once into a function that checks a value against it: reading a node's fields for
 * every value (nodes of many shapes) cost as much as parsing the file. A node keeps one checker, as it keeps
 * one `$ref` target; nodes referred to are made when first reached, so the schema's cycles end.
 */
const checkers = new WeakMap<Schema, Checker>();

function checkerOf(schema: Schema, document: Schema): Checker {
  let checker = checkers.get(schema);
  if (!checker) {
    checker = schema.$ref ? refChecker(schema, document) : nodeChecker(schema, document);
    checkers.set(schema, checker);
  }
  return checker;
}

function refChecker(schema: Schema, document: Schema): Checker {
  let target: Checker | null = null;
  return (value, path, problems) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (!target) {
      const found = resolve(schema, document);
      target = checkerOf(found.schema, found.document);
    }
    target(value, path, problems);
  };
}

function nodeChecker(schema: Schema, document: Schema): Checker {
  const { type, properties, minimum, maximum, minItems, items } = schema;
  const values = schema.enum;
  const required = schema.required ?? [];
  const closed = schema.additionalProperties === false;
  // The common case first: a string where a string belongs (ids, texts, attachment bodies).
  const anyString = type === 'string' && !values;
  // Fields are made at once (a `$ref` is followed only when first reached, so this ends); a record without a
  // prototype, so that a field named like one of Object's own ("constructor") is not taken for a field.
  const fieldCheckers: Record<string, Checker> = Object.create(null) as Record<string, Checker>;
  for (const field of Object.keys(properties ?? {})) fieldCheckers[field] = checkerOf(properties![field]!, document);
  let itemChecker: Checker | null = null;
  return (value, path, problems) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (anyString && typeof value === 'string') return;
    const actual = typeOf(value);
    if (type && actual !== type && !(type === 'number' && actual === 'integer')) {
      problems.push(`${pathText(path)} should be ${article(type)}, not ${describe(value)}`);
      return;
    }
    if (values && !values.includes(value)) {
      problems.push(
        `${pathText(path)} is ${describe(value)}, which is not one of ${values.map((v) => String(v)).join(', ')}`,
      );
      return;
    }
    if (actual === 'string' || actual === 'boolean') return;
    if (typeof value === 'number') {
      if (minimum !== undefined && value < minimum) problems.push(`${pathText(path)} is below ${minimum}`);
      if (maximum !== undefined && value > maximum) problems.push(`${pathText(path)} is above ${maximum}`);
      return;
    }
    if (Array.isArray(value)) {
      if (minItems !== undefined && value.length < minItems) {
        problems.push(`${pathText(path)} should have at least ${minItems} item${minItems === 1 ? '' : 's'}`);
      }
      if (items) {
        itemChecker ??= checkerOf(items, document);
        for (let i = 0; i < value.length; i++) itemChecker(value[i], { parent: path, key: i }, problems);
      }
      return;
    }
    if (actual === 'object' && properties) {
      const record = value as Record<string, unknown>;
      for (const field of required) {
        if (!Object.hasOwn(record, field)) problems.push(`${pathText(path)} has no "${field}" field`);
      }
      for (const field in record) {
        const checker = fieldCheckers[field];
        if (checker) checker(record[field], { parent: path, key: field }, problems);
        else if (closed) {
          problems.push(
            `${pathText({ parent: path, key: field })} is not a field of this message (it has ${Object.keys(properties).join(', ')})`,
          );
        }
      }
    }
  };
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/**
 * What is wrong with one message of the given type (its envelope key), or null when it has cucumber's shape.
 * Problems name the field by its path from the envelope: `testStepFinished.testStepResult.status`.
 */
export function messageProblems(type: string, message: unknown): string | null {
  const schema = rootSchema().properties?.[type];
  if (!schema) return `"${type}" is not a cucumber message`;
  const problems: string[] = [];
  checkerOf(schema, rootSchema())(message, { parent: null, key: type }, problems);
  return problems.length ? problems.join('; ') : null;
}
