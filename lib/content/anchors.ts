import GithubSlugger from "github-slugger";
import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

/** Headings from this depth down get an id; `#` is the page title, so `##` is the first. */
const FIRST_ANCHORED_DEPTH = 2;

/**
 * The one slug function of the project: the page's heading ids and the indexer's chunk
 * anchors both come from here, so a source link lands on the exact section.
 * Gives every `##`-and-deeper heading of a parsed document its anchor id with GitHub
 * semantics (lower-case, punctuation and emoji dropped, spaces to `-`, a repeated
 * heading gets `-1`, `-2`, ... in document order), stored as `data.hProperties.id`
 * (which remark-rehype turns into the `id`). Returns the headings with their ids.
 * Headings inside code fences are not headings in the mdast, so they never take a slug.
 */
export function assignHeadingIds(tree: Root): Array<{ heading: Heading; id: string; text: string }> {
  const slugger = new GithubSlugger();
  const assigned: Array<{ heading: Heading; id: string; text: string }> = [];
  visit(tree, "heading", (heading) => {
    if (heading.depth < FIRST_ANCHORED_DEPTH) return;
    const text = toString(heading);
    const id = slugger.slug(text);
    heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    assigned.push({ heading, id, text });
  });
  return assigned;
}
