import { parseMarkdown } from "../content/markdown";
import type { ContentDocument } from "../content/types";
import { TITLE_SEPARATOR } from "./constants";
import { mergeSmallSections } from "./merge-small";
import { splitIntoSections, type Section } from "./sections";
import { splitBlocks } from "./split-oversize";
import type { Chunk } from "./types";

/** The summary lines the first chunk carries: title, excerpt or description, technologies, tags. */
function summaryBlocks(document: ContentDocument): string[] {
  const lines: string[] = [];
  if (document.kind === "post" && document.excerpt) lines.push(document.excerpt);
  if (document.kind === "project" && document.description) lines.push(document.description);
  if (document.kind === "project" && document.technologies.length > 0) lines.push(`Technologies: ${document.technologies.join(", ")}`);
  if (document.kind === "post" && document.tags.length > 0) lines.push(`Tags: ${document.tags.join(", ")}`);
  return lines;
}

/** A post's tags or a project's technologies: what the document is about, in the author's labels. */
function tagsOf(document: ContentDocument): string[] {
  if (document.kind === "post") return document.tags;
  if (document.kind === "project") return document.technologies;
  return [];
}

function chunkOf(document: ContentDocument, section: Section, blocks: string[], part: number): Chunk {
  const anchor = section.anchorPath.at(-1) ?? null;
  const titlePath = [document.title, ...section.headingPath];
  const suffix = part > 1 ? `~${part}` : "";
  return {
    id: `${document.url}#${section.anchorPath.join("/")}${suffix}`,
    kind: document.kind,
    documentTitle: document.title,
    documentUrl: document.url,
    url: anchor ? `${document.url}#${anchor}` : document.url,
    anchor,
    title: titlePath.join(TITLE_SEPARATOR),
    date: document.date,
    text: [titlePath.join(TITLE_SEPARATOR), ...blocks].join("\n\n"),
    ...(tagsOf(document).length > 0 ? { tags: tagsOf(document) } : {}),
    ...(section.mergedHeadings?.length ? { mergedHeadings: section.mergedHeadings } : {}),
  };
}

/**
 * Splits one document into retrievable chunks at its `##`/`###` headings: the intro
 * carries the document summary, tiny sections join a neighbour (not in the resume,
 * where every heading stays its own chunk), oversize ones are cut between paragraphs.
 */
export function chunkDocument(document: ContentDocument): Chunk[] {
  const sections = splitIntoSections(parseMarkdown(document.body));
  sections[0]!.blocks.unshift(...summaryBlocks(document));
  const kept = document.kind === "resume" ? sections : mergeSmallSections(sections);
  const chunks: Chunk[] = [];
  kept.forEach((section, index) => {
    const isIntro = section.depth === 0;
    if (isIntro && section.blocks.length === 0 && kept.length > 1) return; // title-only intro: the next chunk stands for it
    const children = kept.slice(index + 1).filter((s) => s.depth > section.depth && s.anchorPath[0] === section.anchorPath[0]);
    const blocks = section.blocks.length > 0 || section.depth !== 2 ? section.blocks : [children.map((c) => c.headingPath.at(-1)).join("; ")].filter(Boolean);
    splitBlocks(blocks).forEach((part, i) => chunks.push(chunkOf(document, section, part, i + 1)));
    if (blocks.length === 0) chunks.push(chunkOf(document, section, [], 1));
  });
  return chunks;
}

/** Chunks every document; ids are unique across the corpus. */
export function chunkDocuments(documents: ContentDocument[]): Chunk[] {
  return documents.flatMap(chunkDocument);
}
