import type { Chunk } from "../chunk/types";
import { TITLE_SEPARATOR } from "../chunk/constants";

/** The four texts of a chunk that BM25 indexes as separate fields. */
export interface Bm25Document {
  /** The document's title, on every chunk of it. */
  title: string;
  /** The section's heading path below the title ("Experience › Senior ML Engineer"). */
  headings: string;
  /** The document's tags or technologies. */
  tags: string;
  /** The chunk text without its heading line. */
  body: string;
}

/**
 * BM25F field weights (a match in a field counts this many times a body match), fitted on
 * the whole eval set (`npm run eval`; a grid of 1–6 per field moved lexical recall@5
 * between 0.72 and 0.78, with a broad plateau here), never per question. A title names
 * what a whole document is about, so a title word is evidence for each of its sections.
 */
export const TITLE_WEIGHT = 3;

/** A heading names exactly what its section is about, in a few words: the strongest evidence a section answers a question. */
export const HEADINGS_WEIGHT = 6;

/** Tags and technologies are the author's own topic labels, but document-wide, so no stronger than the body. */
export const TAGS_WEIGHT = 1;

/** The body is the baseline: long, and a word in it may be incidental. */
export const BODY_WEIGHT = 1;

/** The weights as wink's `fldWeights`. */
export const BM25_FIELD_WEIGHTS: Record<keyof Bm25Document, number> = { title: TITLE_WEIGHT, headings: HEADINGS_WEIGHT, tags: TAGS_WEIGHT, body: BODY_WEIGHT };

/** A document with every field empty: wink's padding for tiny corpora. */
export const EMPTY_BM25_DOCUMENT: Bm25Document = { title: "", headings: "", tags: "", body: "" };

/** Splits a chunk into its BM25 fields; the heading line that opens the chunk text goes to title and headings, not body. */
export function fieldsOfChunk(chunk: Chunk): Bm25Document {
  const headingLine = chunk.title;
  const body = chunk.text.startsWith(headingLine) ? chunk.text.slice(headingLine.length).trim() : chunk.text;
  const path = chunk.title.split(TITLE_SEPARATOR);
  const headings = path[0] === chunk.documentTitle ? path.slice(1) : path;
  return { title: chunk.documentTitle, headings: [...headings, ...(chunk.mergedHeadings ?? [])].join(" "), tags: (chunk.tags ?? []).join(" "), body };
}
