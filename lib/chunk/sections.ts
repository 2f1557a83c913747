import type { Heading, Root } from "mdast";
import { assignHeadingIds } from "../content/anchors";
import { DEEPEST_SPLIT_DEPTH } from "./constants";
import { blockToPlainText } from "./plain-text";

/** One `##`/`###` section of a document (or the intro before the first one), as plain-text blocks. */
export interface Section {
  /** Heading texts from the `##` down to this section; empty for the intro. */
  headingPath: string[];
  /** Anchor ids matching `headingPath`, from the page's own slug function. */
  anchorPath: string[];
  /** 0 for the intro, else the heading depth (2 or 3). */
  depth: number;
  /** Plain text of each block under the heading, empty blocks dropped. */
  blocks: string[];
  /** Headings of the small sections merged into this one (their text is in `blocks`). */
  mergedHeadings?: string[];
}

/** Text length of a section's body, blank lines between blocks included. */
export function sectionLength(section: Pick<Section, "blocks">): number {
  return section.blocks.reduce((sum, block) => sum + block.length + 2, 0);
}

/**
 * Splits a parsed document at its top-level `##` and `###` headings. Anchors come from
 * `assignHeadingIds` on the same tree the page renders, so duplicates get the page's
 * `-1`, `-2`; a `##` line inside a code fence is code in the mdast, never a split.
 */
export function splitIntoSections(tree: Root): Section[] {
  const ids = new Map<Heading, { id: string; text: string }>();
  for (const { heading, id, text } of assignHeadingIds(tree)) ids.set(heading, { id, text });

  const intro: Section = { headingPath: [], anchorPath: [], depth: 0, blocks: [] };
  const sections: Section[] = [intro];
  let current = intro;
  let parent: Section | undefined; // the latest `##`, parent of the `###` that follow it

  for (const node of tree.children) {
    const named = node.type === "heading" ? ids.get(node) : undefined;
    if (node.type === "heading" && named && node.depth <= DEEPEST_SPLIT_DEPTH) {
      const under = node.depth > 2 && parent ? parent : undefined;
      current = {
        headingPath: [...(under?.headingPath ?? []), named.text.trim()],
        anchorPath: [...(under?.anchorPath ?? []), named.id],
        depth: node.depth,
        blocks: [],
      };
      if (node.depth === 2) parent = current;
      sections.push(current);
      continue;
    }
    if (node.type === "heading" && node.depth === 1) continue; // the page renders the title itself
    const text = node.type === "heading" ? (named?.text ?? "") : blockToPlainText(node);
    if (text.trim()) current.blocks.push(text.trim());
  }
  return sections;
}
