/**
 * A hostile copy of a real run, as a hostile or careless producer of a messages file would make it: markup that
 * runs script in every string field of every message and of every attachment (ids and references included, changed
 * alike so that the run still holds together). The site's crafted self-test pages are rendered from it
 * (generator/generate.ts), and the browser test checks nothing of it is live; test/fixtures/crafted/craft.ts
 * builds its one-field variants from the same pieces.
 */
import { END_STATE_MEDIA_TYPE, PLAN_MEDIA_TYPE, TRACE_MEDIA_TYPE } from '../model/media-types';

/** Sets `top.PWNED` if any of it ever becomes live: an iframe running a script, an image's error handler. */
export const PAYLOAD = `<iframe srcdoc="<script>top.PWNED=1</script>"></iframe><img src=x onerror="top.PWNED=2">`;

/**
 * Fields whose values come from a closed set, or are checked as a pattern, so that a changed value is refused (a
 * clear error, tested one by one) rather than rendered: these keep their value in the all-strings copy.
 */
const CLOSED: Readonly<Record<string, readonly string[]>> = {
  message: ['mediaType', 'contentEncoding', 'status', 'type', 'keywordType'],
  [PLAN_MEDIA_TYPE]: ['type', 'server', 'tab', 'customer', 'from', 'to', 'agent'],
  [TRACE_MEDIA_TYPE]: ['type', 'actor', 'server', 'from', 'to', 'on'],
  [END_STATE_MEDIA_TYPE]: ['icon', 'chatStatus', 'login', 'buttons', 'notices', 'servers', 'tabs'],
};

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function mapStrings(value: Json, keep: readonly string[], change: (s: string) => string, key = ''): Json {
  if (typeof value === 'string') return keep.includes(key) ? value : change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, keep, change, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, keep.includes(k) ? v : mapStrings(v, keep, change, k)]),
    );
  }
  return value;
}

export interface AttachmentJson {
  mediaType: string;
  body: string;
  contentEncoding?: string;
}

/** An attachment's body through `change` (JSON bodies field by field), kept in its encoding. */
export function mapBody(attachment: AttachmentJson, change: (body: Json, mediaType: string) => Json | string): void {
  const base64 = attachment.contentEncoding === 'BASE64';
  const text = base64 ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
  const json = attachment.mediaType.endsWith('+json');
  const changed = change(json ? (JSON.parse(text) as Json) : text, attachment.mediaType);
  const out = json ? JSON.stringify(changed) : (changed as string);
  attachment.body = base64 ? Buffer.from(out, 'utf8').toString('base64') : out;
}

/** Every string of every message and attachment with the payload in front, but those of closed sets. */
export function hostileCopy(ndjson: string, payload = PAYLOAD): string {
  const change = (s: string) => (s === '' ? s : `${payload}${s}`);
  return ndjson
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      const envelope = JSON.parse(line) as { attachment?: AttachmentJson } & Record<string, Json>;
      const changed = mapStrings(envelope as Json, CLOSED.message!, change) as typeof envelope;
      if (envelope.attachment) {
        const { mediaType, contentEncoding } = envelope.attachment;
        changed.attachment = { ...(changed.attachment as AttachmentJson), mediaType, body: envelope.attachment.body };
        if (contentEncoding !== undefined) changed.attachment.contentEncoding = contentEncoding;
        mapBody(changed.attachment, (body, type) =>
          typeof body === 'string' ? change(body) : mapStrings(body, CLOSED[type] ?? [], change),
        );
      }
      return JSON.stringify(changed);
    })
    .join('\n');
}
