/**
 * A hostile copy of a real run, drawn rather than listed: every string of every message and of every attachment
 * (ids and references included) gets a hostile text in front of it, drawn by fast-check from the hostile values
 * (generator/hostile-values.ts) with a seed, so the same seed always draws the same copy. A string gets the same
 * text wherever it occurs, so that the run still holds together. The site's `self-test/crafted-*` pages are
 * rendered from it (generator/generate.ts) with the seed written on each page; the unit test
 * (test/unit/generator/crafted.test.ts) checks it over many seeds, the browser test over the built one.
 */
import fc from 'fast-check';
import { oneLine } from './escape';
import { hostilePieces } from './hostile-values';
import { END_STATE_MEDIA_TYPE, PLAN_MEDIA_TYPE, TRACE_MEDIA_TYPE } from '../model/media-types';

/** The seed of the site's hostile self-test run unless `--hostile-seed` chooses another. */
export const DEFAULT_HOSTILE_SEED = 20110712;

/** Pieces drawn per string: enough for every kind of piece to meet every other, little enough for a page to build. */
const PIECES = 4;

/**
 * Fields whose values come from a closed set, or are checked as a pattern, so that a changed value is refused (a
 * clear error, which the channel properties of hostile-channels.test.ts check) rather than rendered: these keep
 * their value.
 */
const CLOSED: Readonly<Record<string, readonly string[]>> = {
  message: ['mediaType', 'contentEncoding', 'status', 'type', 'keywordType'],
  [PLAN_MEDIA_TYPE]: ['type', 'server', 'tab', 'customer', 'from', 'to', 'agent'],
  [TRACE_MEDIA_TYPE]: ['type', 'actor', 'server', 'from', 'to', 'on'],
  [END_STATE_MEDIA_TYPE]: ['icon', 'chatStatus', 'login', 'buttons', 'notices', 'servers', 'tabs'],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface AttachmentJson {
  mediaType: string;
  body: string;
  contentEncoding?: string;
}

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

/** An attachment's body through `change` (JSON bodies field by field), kept in its encoding. */
function mapBody(attachment: AttachmentJson, change: (body: Json, mediaType: string) => Json | string): void {
  const base64 = attachment.contentEncoding === 'BASE64';
  const text = base64 ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
  const json = attachment.mediaType.endsWith('+json');
  const changed = change(json ? (JSON.parse(text) as Json) : text, attachment.mediaType);
  const out = json ? JSON.stringify(changed) : (changed as string);
  attachment.body = base64 ? Buffer.from(out, 'utf8').toString('base64') : out;
}

/**
 * The run with every string of every message and attachment through `change` (which sees the string and the media
 * type of the attachment holding it, or `message`), but those of closed sets.
 */
export function mapRunStrings(ndjson: string, change: (s: string, mediaType: string) => string): string {
  return ndjson
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      const envelope = JSON.parse(line) as { attachment?: AttachmentJson } & Record<string, Json>;
      const inMessage = (s: string) => change(s, 'message');
      const changed = mapStrings(envelope as Json, CLOSED.message!, inMessage) as typeof envelope;
      if (envelope.attachment) {
        const { mediaType, contentEncoding } = envelope.attachment;
        changed.attachment = { ...(changed.attachment as AttachmentJson), mediaType, body: envelope.attachment.body };
        if (contentEncoding !== undefined) changed.attachment.contentEncoding = contentEncoding;
        mapBody(changed.attachment, (body, type) => {
          const inBody = (s: string) => change(s, type);
          return typeof body === 'string' ? inBody(body) : mapStrings(body, CLOSED[type] ?? [], inBody);
        });
      }
      return JSON.stringify(changed);
    })
    .join('\n');
}

/** The hostile copy of a run (a messages file's text) that `seed` draws. */
export function hostileRun(ndjson: string, seed: number): string {
  const strings = new Set<string>();
  mapRunStrings(ndjson, (s) => (strings.add(s), s));
  const texts = fc.sample(hostilePieces(PIECES), { seed, numRuns: strings.size });
  const drawn = new Map([...strings].map((s, i) => [s, texts[i]!]));
  return mapRunStrings(ndjson, (s, mediaType) => {
    if (s === '') return s;
    // A plan's text with a line break, a tab or an invisible character is refused by name (plans/validate.ts, its
    // own property); here it keeps the rest of what was drawn, shown as the site shows it, so that the pages build.
    const text = mediaType === PLAN_MEDIA_TYPE ? oneLine(drawn.get(s)!).replace(/\t/g, ' ') : drawn.get(s)!;
    return `${text}${s}`;
  });
}
