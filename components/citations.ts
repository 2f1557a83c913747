import type { SourceUrlUIPart } from "ai";

/** The source ids an answer cites: `[n]` markers naming a source the server sent (not followed by `(` or `[`, which make them link syntax). */
export function citedSourceIds(text: string, sources: SourceUrlUIPart[]): Set<string> {
  const ids = [...text.matchAll(/\[(\d{1,2})\](?![(\[])/g)].map((m) => m[1]!);
  return new Set(ids.filter((n) => sources.some((s) => s.sourceId === n)));
}
