import GithubSlugger from "github-slugger";
import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

/** Headings from this depth down get an id; `#` is the page title, so `##` is the first. */
export const FIRST_ANCHORED_DEPTH = 2;

/**
 * The one slug function of the project: the page's heading ids and the indexer's chunk
 * anchors both come from here, so a source link lands on the exact section.
 * GitHub semantics: lower-case, punctuation and emoji dropped, spaces to `-`, and a
 * repeated heading gets `-1`, `-2`, ... in document order.
 */
export function createHeadingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text: string) => slugger.slug(text);
}

/** Anchor ids for a list of heading texts in document order (duplicates get `-1`, `-2`). */
export function slugifyHeadings(texts: string[]): string[] {
  const slug = createHeadingSlugger();
  return texts.map((text) => slug(text));
}

/**
 * Gives every `##`-and-deeper heading of a parsed document its anchor id, in document
 * order, stored as `data.hProperties.id` (which remark-rehype turns into the `id`).
 * Returns the headings with their ids. Headings inside code fences are not headings in
 * the mdast, so they never take a slug.
 */
export function assignHeadingIds(tree: Root): Array<{ heading: Heading; id: string; text: string }> {
  const slug = createHeadingSlugger();
  const assigned: Array<{ heading: Heading; id: string; text: string }> = [];
  visit(tree, "heading", (heading) => {
    if (heading.depth < FIRST_ANCHORED_DEPTH) return;
    const text = toString(heading);
    const id = slug(text);
    heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    assigned.push({ heading, id, text });
  });
  return assigned;
}
