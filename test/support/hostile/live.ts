/**
 * What a generated page would make live, read the way the site reads it: the Markdown parsed by the same parser
 * Docusaurus builds pages with (micromark through mdast-util-from-markdown, with its directive, GFM and front-matter
 * extensions), each raw HTML node parsed by parse5 (the HTML parser rehype-raw uses). Anything beyond what the
 * generator itself writes is listed: an element or attribute of its own, a link or image to anywhere but the site,
 * a directive (`:::danger`), a definition, a mermaid directive, tag or interaction. A page whose list is empty
 * holds nothing live that its input put there.
 *
 * Checking the parsed tree rather than the text is the point: two carriage returns in a text look harmless to a
 * regular expression over lines split at `\n`, but CommonMark reads them as a blank line, and the tree shows it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { directive } from 'micromark-extension-directive';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parseFragment } from 'parse5';

/** The elements and attributes the generator itself writes; anything else in a page came from the input. */
const TAGS = new Set(
  'a br caption circle code details div figcaption figure form input label li line ol option output p polyline q rect select span summary svg table tbody td text th thead title tr ul'.split(
    ' ',
  ),
);
const ATTRIBUTES = new Set(
  'viewBox aria-hidden aria-label class colspan cx cy fill font-size height href id name placeholder points r role rowspan scope size stroke stroke-opacity stroke-width tabindex title type value viewbox width x x1 x2 y y1 y2'.split(
    ' ',
  ),
);
/**
 * Attributes the generator writes on one element only, by that element: a scenario's fold that opens by itself
 * (generator/page-layout.ts: a scenario that did not pass is shown open), so an `open` elsewhere still counts.
 */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = { details: new Set(['open']) };
/** The generator's own data attributes, read by the site's filter script as data. */
const DATA_ATTRIBUTE = /^data-(cf-[a-z-]+|status|label|fold-for)$/;
/** The admonitions the generator writes, by kind and title. */
const ADMONITIONS = new Set([
  'warning Known defect',
  'note Inferred',
  'info No baseline',
  'info No history',
  'info Not run',
  'info Not measured yet',
  'warning The benchmark report could not be read',
  'warning Tags that name no claim',
  'caution Not from the run the rest of this site shows',
]);
/** Markdown nodes the generator writes whose content is text. */
const INERT = new Set([
  'root',
  'paragraph',
  'text',
  'heading',
  'emphasis',
  'strong',
  'inlineCode',
  'list',
  'listItem',
  'thematicBreak',
  'table',
  'tableRow',
  'tableCell',
  'break',
  'yaml',
  'delete',
  'blockquote',
]);

/**
 * A link that leaves the site, or runs script: anything with a scheme, or protocol-relative; but Docusaurus's own
 * `pathname:///` (a file of the site its router does not handle).
 */
const OFFSITE = /^\s*(?!pathname:\/\/\/)([a-z][a-z0-9+.-]*:|\/\/|\\\\)/i;

interface MdNode {
  type: string;
  position?: { start: { line: number } };
  value?: string;
  url?: string;
  lang?: string | null;
  name?: string;
  children?: MdNode[];
  data?: { directiveLabel?: boolean };
}

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

const plain = (node: MdNode): string => node.value ?? (node.children ?? []).map(plain).join('');

function htmlLive(html: string, found: string[]): void {
  const walk = (node: HtmlNode) => {
    if (node.tagName !== undefined) {
      if (!TAGS.has(node.tagName)) found.push(`element: <${node.tagName}> in ${html.slice(0, 80)}`);
      for (const { name, value } of node.attrs ?? []) {
        if (!ATTRIBUTES.has(name) && !ELEMENT_ATTRIBUTES[node.tagName]?.has(name) && !DATA_ATTRIBUTE.test(name))
          found.push(`attribute: ${name}="${value.slice(0, 60)}"`);
        if (name === 'href' && OFFSITE.test(value)) found.push(`link: ${value.slice(0, 80)}`);
      }
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parseFragment(html) as unknown as HtmlNode);
}

function mermaidLive(code: string, found: string[]): void {
  for (const m of code.matchAll(/<(?!br\/>)|%%/g)) found.push(`mermaid: ${code.slice(m.index, m.index + 60)}`);
  for (const line of code.split('\n')) {
    if (/^\s*(click|callback|link|links|classDef|style|class)\b/.test(line)) found.push(`mermaid statement: ${line}`);
  }
}

/** Everything in `page` (a generated Markdown page) that is live beyond what the generator writes. */
export function liveMarkup(page: string): string[] {
  const found: string[] = [];
  const tree = fromMarkdown(page, {
    extensions: [frontmatter(['yaml']), directive(), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), directiveFromMarkdown(), gfmFromMarkdown()],
  }) as unknown as MdNode;
  const walk = (node: MdNode) => {
    const before = found.length;
    visit(node);
    for (let i = before; i < found.length; i++) found[i] = `line ${node.position?.start.line ?? '?'}: ${found[i]}`;
    for (const child of node.children ?? []) if (!child.data?.directiveLabel) walk(child);
  };
  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'html':
        htmlLive(node.value!, found);
        return;
      case 'code':
        if (node.lang === 'mermaid') mermaidLive(node.value!, found);
        else if (node.lang !== 'diff' && node.lang !== 'sql' && node.lang !== 'text' && node.lang !== 'json')
          found.push(`code block of ${String(node.lang)}: ${node.value!.slice(0, 60)}`);
        return;
      case 'link':
        if (OFFSITE.test(node.url!)) found.push(`link: ${node.url!.slice(0, 80)}`);
        break;
      case 'containerDirective': {
        const label = node.children?.find((c) => c.data?.directiveLabel);
        const title = `${node.name} ${label ? plain(label) : ''}`.trim();
        if (!ADMONITIONS.has(title)) found.push(`directive: :::${title.slice(0, 80)}`);
        break;
      }
      default:
        if (!INERT.has(node.type)) found.push(`${node.type}: ${JSON.stringify(node).slice(0, 100)}`);
    }
  };
  walk(tree);
  return found;
}
