import type { Chunk } from "../chunk/types";
import { RECENCY_DOCUMENTS } from "./constants";

const RECENCY_WORDS = /\b(latest|recent(ly)?|newest|lately|most recent)\b/i;
/** "Now" words ask for the newest work only beside a word for work made or written: "what do you do these days?" is about the present, not the newest post. */
const NOW_WORDS = /\b(current(ly)?|these days|nowadays|right now)\b/i;
const BUILT_WORDS = /\b(built|build|project|projects|made|shipped|working on)\b/i;
const WRITTEN_WORDS = /\b(wrote|write|writing|written|post|posts|blog|article)\b/i;

/** True when the question asks for the newest work ("latest", "recent", "newest", or "currently" with "working on", "writing", ...). */
export function asksForRecent(query: string): boolean {
  return RECENCY_WORDS.test(query) || (NOW_WORDS.test(query) && (BUILT_WORDS.test(query) || WRITTEN_WORDS.test(query)));
}

/**
 * The first chunk of each of the newest dated documents, newest first: the extra RRF
 * list for "latest" questions. Projects only when the question says built/project,
 * posts only when it says wrote/post; the resume is never "latest work".
 */
export function rankByRecency(chunks: ReadonlyArray<Pick<Chunk, "kind" | "documentUrl" | "date">>, query: string): number[] {
  const wantsProjects = BUILT_WORDS.test(query);
  const wantsPosts = WRITTEN_WORDS.test(query);
  const seen = new Set<string>();
  const timeOfDate = new Map<string, number>();
  // One pass keeping the newest few (ties: the earlier chunk), each date parsed once:
  // sorting every document with Date.parse in the comparator took ~8 ms at 10,000 chunks.
  const newest: Array<{ chunk: number; time: number }> = [];
  chunks.forEach((chunk, index) => {
    if (chunk.kind === "resume" || seen.has(chunk.documentUrl)) return;
    if (wantsProjects && !wantsPosts && chunk.kind !== "project") return;
    if (wantsPosts && !wantsProjects && chunk.kind !== "post") return;
    seen.add(chunk.documentUrl);
    let time = timeOfDate.get(chunk.date);
    if (time === undefined) {
      const parsed = Date.parse(chunk.date);
      timeOfDate.set(chunk.date, (time = Number.isNaN(parsed) ? -Infinity : parsed));
    }
    if (newest.length === RECENCY_DOCUMENTS && time <= newest[newest.length - 1]!.time) return;
    let at = newest.findIndex((entry) => entry.time < time);
    if (at < 0) at = newest.length;
    newest.splice(at, 0, { chunk: index, time });
    if (newest.length > RECENCY_DOCUMENTS) newest.pop();
  });
  return newest.map(({ chunk }) => chunk);
}
