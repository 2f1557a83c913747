import type { DocumentKind } from "../content/types";

/** One retrievable piece of a document: a `##`/`###` section, or part of one. */
export interface Chunk {
  /** Stable id: document URL plus anchor path, e.g. `/blog/hello#setup/wiring` (`#` alone for the intro). */
  id: string;
  kind: DocumentKind;
  /** The document's title and page path (`/blog/hello`). */
  documentTitle: string;
  documentUrl: string;
  /** Deep link to the section: `/blog/<slug>#<anchor>`, or the page path for the intro. */
  url: string;
  /** Anchor id on the page (same slug function as the page), or null for the intro. */
  anchor: string | null;
  /** "Document › Section › Subsection". */
  title: string;
  /** The document's ISO date. */
  date: string;
  /** Plain text that is embedded and BM25-indexed: heading path plus body. */
  text: string;
  /** The document's tags (posts) or technologies (projects), indexed as their own BM25 field; absent for the resume. */
  tags?: string[];
  /** Headings of small sections merged into this chunk (their text is in `text`), indexed with the heading path. */
  mergedHeadings?: string[];
}
