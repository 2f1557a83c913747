import { formatDuration } from "../embed/progress";
import type { BuildSummary } from "./build";

/** Most lexical-only chunks listed by id in the warning; the count covers the rest. */
const LISTED_MISSING = 30;

/** The end-of-build report: one summary line, the notices, and a loud list of lexical-only chunks when embedding was expected. */
export function formatBuildSummary(summary: BuildSummary): string {
  const lines = summary.notices.map((notice) => `index: ${notice}`);
  const missing = summary.lexicalOnly.length;
  lines.push(
    `index: ${summary.chunks} chunks${summary.questions ? ` + ${summary.questions} suggested questions` : ""} · ${summary.cacheHits} cache hits · ${summary.embedded} embedded (${summary.requests} requests` +
      `${summary.splitRequests ? `, ${summary.splitRequests} of them to split out unembeddable chunks` : ""}${summary.viaFallback ? `, ${summary.viaFallback} via fallback` : ""}) · ${missing} lexical-only · ${formatDuration(summary.elapsedMs)} → ${summary.indexDir}`,
  );
  if (summary.embedConfigured && missing > 0) {
    lines.push(
      "",
      `WARNING: ${missing} of ${summary.chunks} chunks have NO VECTOR and are searchable by BM25 only.`,
      "The next build with the embedding endpoint up fills them in (INDEX_STRICT=1 fails the build instead).",
      ...summary.lexicalOnly.slice(0, LISTED_MISSING).map((m) => `  - ${m.id} (${m.reason}) in ${m.file}, "${m.title}"`),
      ...(missing > LISTED_MISSING ? [`  ... and ${missing - LISTED_MISSING} more`] : []),
      "",
    );
  }
  return lines.join("\n");
}
