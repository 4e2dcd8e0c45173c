/**
 * The model's time: whole seconds since the scenario began. Nothing here reads the machine's clock; calendar
 * timestamps are computed from a fixed epoch so that the same plan always prints the same database rows.
 */
export type Seconds = number;

/** `hh:mm:ss`, as the agent console's "Activity duration" column shows it. */
export function formatDuration(seconds: Seconds): string {
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new RangeError(`A duration must be a whole, non-negative number of seconds, got ${String(seconds)}`);
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [hours, minutes, rest].map((part) => String(part).padStart(2, '0')).join(':');
}

const DURATION = /^(\d{2,}):([0-5]\d):([0-5]\d)$/;

export function parseDuration(text: string): Seconds {
  const match = DURATION.exec(text);
  if (!match) {
    throw new SyntaxError(`"${text}" is not a duration of the form hh:mm:ss (for example 00:04:00)`);
  }
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;

let lastParsed: { readonly text: string; readonly value: number } | null = null;

/** Milliseconds since 1970 (UTC) of a database timestamp such as `2011-07-12 14:49:55.000`. */
export function parseTimestamp(text: string): number {
  // Every deployment parses its epoch, nearly always the same one: the fuzzer makes millions of deployments.
  if (lastParsed?.text === text) return lastParsed.value;
  const match = TIMESTAMP.exec(text);
  if (!match) {
    throw new SyntaxError(`"${text}" is not a database timestamp of the form yyyy-mm-dd hh:mm:ss.fff`);
  }
  const [, year, month, day, hour, minute, second, millis] = match.map(Number) as number[];
  const value = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, millis!);
  if (formatTimestamp(value) !== text) {
    throw new RangeError(`"${text}" is not a real calendar time`);
  }
  lastParsed = { text, value };
  return value;
}

/** Timestamps already written: plans replayed by the fuzzer write the same few again and again. */
const formatted = new Map<number, string>();

export function formatTimestamp(epochMillis: number): string {
  let text = formatted.get(epochMillis);
  if (text === undefined) {
    if (formatted.size >= 4096) formatted.clear();
    const iso = new Date(epochMillis).toISOString(); // yyyy-mm-ddThh:mm:ss.fffZ
    text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    formatted.set(epochMillis, text);
  }
  return text;
}
