import { MAX_CHUNK_CHARS, MIN_CHUNK_CHARS } from "./constants";
import { sectionLength, type Section } from "./sections";

/** Room left for the heading line the merged section carries into its neighbour's text. */
const MERGED_HEADING_ALLOWANCE = 40;

/** The anchor of a section's parent: "" (the document) for a `##`, its `##` for a `###`. */
function parentOf(section: Section): string {
  return section.depth <= 2 ? "" : (section.anchorPath[0] ?? "");
}

/** True when `a` and `b` are siblings, or one is the other's parent: the merge keeps both under one heading. */
function sameFamily(a: Section, b: Section): boolean {
  if (a.depth === 0 || b.depth === 0) return false;
  if (parentOf(a) === parentOf(b)) return true;
  return a.depth === 2 ? parentOf(b) === a.anchorPath[0] : parentOf(a) === b.anchorPath[0];
}

/** A section's blocks with its own heading as the first line, for when it joins another chunk. */
function withHeading(section: Section): string[] {
  const heading = section.headingPath.at(-1);
  return heading ? [heading, ...section.blocks] : section.blocks;
}

/** A section's own heading, then those already merged into it. */
function headingsOf(section: Section): string[] {
  return [...section.headingPath.slice(-1), ...(section.mergedHeadings ?? [])];
}

/**
 * Merges each section whose body is under `MIN_CHUNK_CHARS` into the previous section of the
 * same family (its first child first, then the previous sibling or parent, then the next), while the result stays
 * under the cap. The surviving section keeps its anchor, so links still land on a
 * heading that exists; the intro is never merged, it carries the document summary.
 */
export function mergeSmallSections(input: Section[]): Section[] {
  const sections = input.map((section) => ({ ...section, blocks: [...section.blocks] }));
  const merged: Section[] = [];
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    const previous = merged.at(-1);
    const next = sections[i + 1];
    const small = section.depth > 0 && sectionLength(section) < MIN_CHUNK_CHARS;
    const fits = (other: Section) => sectionLength(other) + sectionLength(section) + MERGED_HEADING_ALLOWANCE <= MAX_CHUNK_CHARS;
    const nextIsChild = next !== undefined && next.depth > section.depth && parentOf(next) === section.anchorPath[0];
    // Absorbing the next section (rather than joining it) keeps this one's anchor.
    const absorbNext = () => (sections[i + 1] = { ...section, blocks: [...section.blocks, ...withHeading(next!)], mergedHeadings: [...(section.mergedHeadings ?? []), ...headingsOf(next!)] });
    if (small && next && nextIsChild && fits(next)) absorbNext();
    else if (small && previous && sameFamily(previous, section) && fits(previous)) {
      previous.blocks.push(...withHeading(section));
      previous.mergedHeadings = [...(previous.mergedHeadings ?? []), ...headingsOf(section)];
    }
    else if (small && next && sameFamily(section, next) && fits(next)) absorbNext();
    else merged.push(section);
  }
  return merged;
}
