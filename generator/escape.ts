/**
 * Escaping text from a run (scenario names, step text, chat messages, error messages) for each place it goes.
 * Generated pages are CommonMark (.md, not MDX) with raw HTML blocks and mermaid code blocks; text must show
 * literally in all three and never become markup.
 */

/**
 * Inline Markdown text: every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of
 * them), so nothing can start emphasis, a link, a directive (`:name`), raw HTML or a heading id (`{#id}`).
 * Line breaks become spaces: inline text is one line.
 */
export function markdownText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * Text inside an HTML block. Markdown is not parsed inside HTML blocks, but a blank line would end the block,
 * so line breaks are written as character references; the five HTML-special characters become entities.
 */
export function htmlText(text: string): string {
  // One pass, and none at all for the common text with nothing to escape: pages of large runs call this a lot.
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => HTML_ENTITY[c] ?? '&#10;') : text;
}

const HTML_SPECIAL = /[&<>"'\n]/;
const HTML_SPECIALS = /[&<>"']|\r?\n/g;
const HTML_ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** An attribute value (always written in double quotes). */
export const htmlAttribute = htmlText;

/**
 * Text in a mermaid diagram (a message, a note, a participant's label). Mermaid ends a statement at `;`, starts
 * a comment or an entity code at `#`, reads `%%{...}%%` anywhere as a directive, and passes `<...>` and `&` to
 * its labels; those characters and backticks are written as decimal entity codes (`#59;`), as mermaid documents.
 * Everything else stays as it is: mermaid measures an entity code as wider than the character it stands for, so
 * encoding ordinary punctuation would spread the diagram out.
 */
export function mermaidText(text: string): string {
  if (!MERMAID_WORK.test(text)) return text;
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#;<>&%`]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** Whether a text has whitespace other than single spaces between words. */
const MERMAID_SPACING = /\s\s|[^\S ]|^\s|\s$/;
/** Whether `mermaidText` has anything to do: whitespace to collapse or trim, or a character to encode. */
const MERMAID_WORK = new RegExp(`[#;<>&%\`]|${MERMAID_SPACING.source}`);

/**
 * Mermaid text broken into lines of at most `width` characters at spaces (a longer word keeps its own line),
 * each line escaped, joined by mermaid's `<br/>`. Wrapping here rather than with mermaid's `wrap` option keeps
 * mermaid from splitting an entity code in two.
 */
export function mermaidLines(text: string, width: number): string {
  const spaced = MERMAID_SPACING.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  // Most labels are short: one line, nothing to wrap.
  if (spaced.length <= width) return mermaidText(spaced);
  const lines: string[] = [];
  for (const word of spaced.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.map(mermaidText).join('<br/>');
}

/** A YAML front-matter value: JSON strings are valid YAML double-quoted scalars. */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(/\r?\n/g, ' '));
}

/**
 * A value that reached a writer outside the closed set it must come from, or a "number" that is not one. The
 * readers (generator/attachment-shapes.ts) refuse such input first with the file, line and field; this is the
 * writers' own guarantee that nothing outside the set is ever written into a class, a label or a count.
 */
export class OutputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'OutputError';
  }
}

const preview = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

/** `value` if it is one of `allowed`; an `OutputError` naming `field` otherwise. */
export function closedValue<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new OutputError(
    field,
    `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}; got ${preview(value)}`,
  );
}

/**
 * A class name made from a value of a closed set: `prefix` and the value with spaces as dashes
 * (`cf-tab-` and "timed out" give `cf-tab-timed-out`). Text from a run never becomes a class by any other way.
 */
export function className<T extends string>(
  prefix: string,
  value: unknown,
  allowed: readonly T[],
  field: string,
): string {
  return `${prefix}${closedValue(value, allowed, field).replace(/ /g, '-')}`;
}

/** A finite number as text, for counts and figures written as they are; an `OutputError` for anything else. */
export function numberText(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new OutputError(field, `must be a number; got ${preview(value)}`);
}
