/**
 * One field of a messages file set to a drawn value, wherever it is: in a message, or inside an attachment's JSON
 * body (decoded from base64 and encoded back). Positions are drawn as plain numbers taken modulo what the file has,
 * so a shrunk counterexample still names a real field (fast-check's own advice for command parameters).
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A field: its path (`testStepResult.status`, `steps[2].type`), its key, and its value before any mutation. */
export interface Field {
  readonly path: string;
  readonly key: string;
  readonly value: Json;
}

interface Leaf extends Field {
  readonly set: (value: unknown) => void;
}

function leaves(value: Json, path: string, key: string, out: Leaf[], set: (v: unknown) => void): void {
  out.push({ path, key, value, set });
  if (Array.isArray(value))
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, key, out, (x) => (value[i] = x as Json)));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      leaves(v, path ? `${path}.${k}` : k, k, out, (x) => (value[k] = x as Json));
}

/** Where a mutation landed: the file's line (1-based), the field's path and its key, and the mutated file. */
export interface Mutation {
  readonly line: number;
  readonly path: string;
  readonly key: string;
  readonly inAttachment: boolean;
  readonly text: string;
}

interface Located {
  readonly lines: string[];
  readonly index: number;
  readonly envelope: { attachment?: { body: string; contentEncoding?: string; mediaType: string } };
  readonly body: Json | undefined;
  readonly fields: Leaf[];
}

/** Line `lineIndex` (modulo the lines) parsed, and its fields: its attachment's JSON body's with `intoBody`. */
function locate(ndjson: string, lineIndex: number, intoBody: boolean): Located {
  const lines = ndjson.trimEnd().split('\n');
  const index = lineIndex % lines.length;
  const envelope = JSON.parse(lines[index]!) as Located['envelope'];
  const attachment = envelope.attachment;
  let body: Json | undefined;
  if (intoBody && attachment?.mediaType.endsWith('+json')) {
    const base64 = attachment.contentEncoding === 'BASE64';
    body = JSON.parse(base64 ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body) as Json;
  }
  const found: Leaf[] = [];
  if (body !== undefined) leaves(body, '', '', found, () => undefined);
  // A body with no field (an empty list): the message's own fields instead.
  if (found.length <= 1) {
    body = undefined;
    found.length = 0;
    leaves(envelope as Json, '', '', found, () => undefined);
  }
  // The root itself is not a field.
  return { lines, index, envelope, body, fields: found.filter((l) => l.path !== '') };
}

/** Every field of line `lineIndex` (modulo the lines), as `mutate` numbers them. */
export function fieldsAt(ndjson: string, lineIndex: number, intoBody: boolean): readonly Field[] {
  return locate(ndjson, lineIndex, intoBody).fields.map(({ path, key, value }) => ({ path, key, value }));
}

/**
 * The file with one field of line `lineIndex` (modulo the lines) set to `value`: field `leafIndex` (modulo the
 * fields) of the message, or with `intoBody`, of its attachment's JSON body when it has one.
 */
export function mutate(
  ndjson: string,
  lineIndex: number,
  leafIndex: number,
  value: unknown,
  intoBody: boolean,
): Mutation {
  const { lines, index, envelope, body, fields } = locate(ndjson, lineIndex, intoBody);
  const leaf = fields[leafIndex % fields.length]!;
  leaf.set(value);
  if (body !== undefined) {
    const attachment = envelope.attachment!;
    const text = JSON.stringify(body);
    attachment.body = attachment.contentEncoding === 'BASE64' ? Buffer.from(text, 'utf8').toString('base64') : text;
  }
  const changed = [...lines];
  changed[index] = JSON.stringify(envelope);
  return {
    line: index + 1,
    path: leaf.path,
    key: leaf.key,
    inAttachment: body !== undefined,
    text: changed.join('\n'),
  };
}
