/**
 * Escaping text from a run (scenario names, step text, chat messages, error messages) for each place it goes.
 * Generated pages are CommonMark (.md, not MDX) with raw HTML blocks and mermaid code blocks, and CI's job summary
 * is GitHub-flavoured Markdown; text must show literally in each and never become markup. Every writer goes
 * through this one layer, which treats:
 *
 * - every line terminator: CommonMark's and HTML's (LF, CR and CRLF; a lone CR ends a line in both, so two of them
 *   make a blank line, which ends the HTML block the text sits in) and Unicode's other mandatory breaks (UAX #14:
 *   VT, FF, NEL, LS, PS);
 * - every other control or format character (C0 but tab, DEL, C1, the bidi controls such as U+202E, zero-width
 *   characters, the byte order mark, tag characters) and lone surrogates: shown visibly as their code point,
 *   `⟨U+202E⟩`, so a right-to-left override cannot make "gnp.exe" read "exe.png" and nothing invisible hides in a
 *   name. A zero-width joiner between two emoji (👨‍👩‍👧) is kept: it joins them and hides nothing.
 */

/** The line terminators CommonMark and HTML know (LF, CR, CRLF) and Unicode's other mandatory breaks. */
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;
const LINE_BREAK_CLASS = '\\n\\v\\f\\r\\u0085\\u2028\\u2029';
/** A zero-width joiner inside an emoji sequence, kept (the lookahead leaves the next emoji to be matched). */
const EMOJI_JOIN = '\\p{Extended_Pictographic}\\uFE0F?\\u200D(?=\\p{Extended_Pictographic})';
/** Controls, format characters and lone surrogates, but tab and the line terminators (handled on their own). */
const INVISIBLE_CLASS = `(?![\\t${LINE_BREAK_CLASS}])[\\p{Cc}\\p{Cf}\\p{Cs}]`;
const INVISIBLE = new RegExp(`(${EMOJI_JOIN})|${INVISIBLE_CLASS}`, 'gu');

/** How a control or format character is shown: its code point, `⟨U+202E⟩`. */
export const shownCodePoint = (c: string): string =>
  `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;

const visibleMatch = (c: string, joined: string | undefined): string => joined ?? shownCodePoint(c);

/** The text with every control and format character (but tab and line terminators) shown as its code point. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, visibleMatch);
}

/** The text on one line: every line terminator a space, every invisible character shown. */
export function oneLine(text: string): string {
  return visibleText(text.replace(LINE_BREAK, ' '));
}

/** The text's lines, split at every line terminator, each with its invisible characters shown. */
export function textLines(text: string): string[] {
  return visibleText(text).split(LINE_BREAK);
}

/**
 * Inline Markdown text: every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of
 * them), so nothing can start emphasis, a link, a directive (`:name`), raw HTML or a heading id (`{#id}`).
 * Line terminators become spaces: inline text is one line.
 *
 * GitHub-flavoured Markdown (Docusaurus and GitHub both use it) also links bare addresses (`www.x.org`,
 * `http://x.org`, `a@x.org`) found in text once its escapes are read, so escaping cannot stop them: an empty HTML
 * comment, which shows nothing, splits the text before the `:` of a scheme, the `.` after `www` and an address's
 * `@`, and no text node holds a whole address.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)
    .replace(AUTOLINK_LITERAL, (_, ...parts: (string | undefined)[]) =>
      parts.slice(0, 6).filter(Boolean).join('<!---->'),
    );
}

/** Where GFM's autolink literals would start, once escaped: a scheme's colon, `www.`, an address's `@`. */
const AUTOLINK_LITERAL = /(https?|mailto|xmpp)(\\:)|(www)(\\\.)|([\w+]|\\[-.+_])(\\@)/gi;

/**
 * Text inside an HTML block, or an attribute value (always written in double quotes). Markdown is not parsed inside
 * HTML blocks, but a blank line would end the block, so every line terminator is written as a character reference
 * (`&#10;`: a CRLF is one line break) and nothing else of the text can make a line; the five HTML-special characters
 * become entities.
 */
export function htmlText(text: string): string {
  // One pass, and none at all for the common text with nothing to escape: pages of large runs call this a lot.
  return HTML_WORK.test(text) ? text.replace(HTML_SPECIALS, htmlMatch) : text;
}

const HTML_WORK = new RegExp(`[&<>"'${LINE_BREAK_CLASS}\\p{Cc}\\p{Cf}\\p{Cs}]`, 'u');
const HTML_SPECIALS = new RegExp(`(${EMOJI_JOIN})|[&<>"']|\\r\\n|[${LINE_BREAK_CLASS}]|${INVISIBLE_CLASS}`, 'gu');
const HTML_ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const LINE_BREAK_ONE = new RegExp(`^(?:\\r\\n|[${LINE_BREAK_CLASS}])$`);
const htmlMatch = (c: string, joined: string | undefined): string =>
  joined ?? HTML_ENTITY[c] ?? (LINE_BREAK_ONE.test(c) ? '&#10;' : shownCodePoint(c));

/** An attribute value (always written in double quotes). */
export const htmlAttribute = htmlText;

/**
 * Text in a mermaid diagram (a message, a note, a participant's label). Mermaid ends a statement at `;` or a line
 * break, starts a comment or an entity code at `#`, reads `%%{...}%%` anywhere as a directive, and passes `<...>` and
 * `&` to its labels; those characters and backticks are written as decimal entity codes (`#59;`), as mermaid
 * documents, and every run of whitespace (line terminators included) is one space. Everything else stays as it is:
 * mermaid measures an entity code as wider than the character it stands for, so encoding ordinary punctuation would
 * spread the diagram out.
 */
export function mermaidText(text: string): string {
  if (!MERMAID_WORK.test(text)) return text;
  return visibleText(text.replace(LINE_BREAK, ' ').replace(/\s+/g, ' ').trim()).replace(
    /[#;<>&%`]/g,
    (c) => `#${c.charCodeAt(0)};`,
  );
}

/** Whether a text has whitespace other than single spaces between words (JavaScript's `\s` has no NEL). */
const MERMAID_SPACING = /\s\s|[^\S ]|^\s|\s$/;
/** Whether `mermaidText` has anything to do: whitespace to collapse, a character to encode or to show. */
const MERMAID_WORK = new RegExp(`[#;<>&%\`\\p{Cc}\\p{Cf}\\p{Cs}]|${MERMAID_SPACING.source}`, 'u');

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

/** A YAML front-matter value: JSON strings are valid YAML double-quoted scalars; one line, nothing invisible. */
export function yamlString(text: string): string {
  return JSON.stringify(oneLine(text));
}

/**
 * A fenced code block holding `text` literally (GitHub-flavoured Markdown or CommonMark): its fence is longer than
 * any run of backticks inside, so no line can close it, and every line starts with `indent` (to sit inside a list
 * item). Line terminators are CommonMark's; invisible characters are shown.
 */
export function codeBlock(text: string, info = '', indent = ''): string {
  const lines = textLines(text);
  const longest = (text.match(/`+/g) ?? []).reduce((m, run) => Math.max(m, run.length), 0);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...lines, fence].map((l) => (l === '' ? l : `${indent}${l}`)).join('\n');
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

/**
 * A value quoted in a one-line error message: its JSON text (a string in quotes), with every line terminator and
 * invisible character JSON leaves as it is (NEL, LS, PS, C1 controls, bidi, zero-width, lone surrogates) written as a
 * `\u` escape, so the message stays one line and shows what the input held; cut at `max` characters.
 */
export function quoted(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Nesting deeper than the stack, a BigInt: say what it is.
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : String(value);
  }
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return short.replace(QUOTED_ESCAPE, (c) =>
    [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** What JSON leaves raw that would break a message's line or hide in it (tab is JSON-escaped already). */
const QUOTED_ESCAPE = new RegExp(`[${LINE_BREAK_CLASS}\\p{Cc}\\p{Cf}]|\\p{Cs}`, 'gu');

const preview = (value: unknown): string => quoted(value);

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
