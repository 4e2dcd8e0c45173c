/** Anchors and page names made from text a run supplies: lowercase ASCII words joined by dashes, never empty. */
export function anchorFor(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** The same list with `-2`, `-3` ... appended to repeats, so every anchor on a page is unique. */
export function uniqueAnchors(anchors: readonly string[]): string[] {
  const seen = new Set<string>();
  return anchors.map((base) => {
    let anchor = base;
    for (let n = 2; seen.has(anchor); n++) anchor = `${base}-${n}`;
    seen.add(anchor);
    return anchor;
  });
}
