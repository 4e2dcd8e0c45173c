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
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '&#10;');
}

/** An attribute value (always written in double quotes). */
export const htmlAttribute = htmlText;

/**
 * Text in a mermaid diagram (a message, a note, a participant's label). Mermaid reads `;` as the end of a
 * statement, `#...;` as an entity code, `%%` as a comment, and passes `<...>` to its HTML labels; so everything
 * but letters, digits, spaces and a few harmless marks is written as a decimal entity code (`#59;`), which
 * mermaid documents for exactly this purpose.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const char of text.replace(/\s+/g, ' ').trim()) {
    out += /^[A-Za-z0-9 .,?!()]$/.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}

/** A YAML front-matter value: JSON strings are valid YAML double-quoted scalars. */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(/\r?\n/g, ' '));
}
