import type { Chunk } from "../chunk/types";
import { RECENCY_DOCUMENTS } from "./constants";

const RECENCY_WORDS = /\b(latest|recent(ly)?|newest|lately|current(ly)?|most recent|these days|nowadays)\b/i;
const BUILT_WORDS = /\b(built|build|project|projects|made|shipped|working on)\b/i;
const WRITTEN_WORDS = /\b(wrote|write|written|post|posts|blog|article)\b/i;

/** True when the question asks for the newest work ("latest", "recent", "newest", ...). */
export function asksForRecent(query: string): boolean {
  return RECENCY_WORDS.test(query);
}

/**
 * The first chunk of each of the newest dated documents, newest first: the extra RRF
 * list for "latest" questions. Projects only when the question says built/project,
 * posts only when it says wrote/post; the resume is never "latest work".
 */
export function rankByRecency(chunks: Chunk[], query: string): number[] {
  const wantsProjects = BUILT_WORDS.test(query);
  const wantsPosts = WRITTEN_WORDS.test(query);
  const firstOfDocument = new Map<string, number>();
  chunks.forEach((chunk, index) => {
    if (chunk.kind === "resume" || firstOfDocument.has(chunk.documentUrl)) return;
    if (wantsProjects && !wantsPosts && chunk.kind !== "project") return;
    if (wantsPosts && !wantsProjects && chunk.kind !== "post") return;
    firstOfDocument.set(chunk.documentUrl, index);
  });
  return [...firstOfDocument.values()]
    .sort((a, b) => Date.parse(chunks[b]!.date) - Date.parse(chunks[a]!.date))
    .slice(0, RECENCY_DOCUMENTS);
}
