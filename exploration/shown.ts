/**
 * A value from outside (a variable, a field of a report) quoted in a one-line error: escaped as JSON (so line
 * breaks and the C0 controls show as \n, \u0000, ...), with bidi, zero-width and C1 controls shown as \u escapes
 * too (so "\u202Egnp.exe" cannot show as "exe.png"), and cut to `max` characters.
 */
export function shown(text: string, max = 80): string {
  const flat = JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (c) => {
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
