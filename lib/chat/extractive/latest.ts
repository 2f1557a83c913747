import { rankByRecency } from "../../search/recency";
import { documentUrlOf } from "../follow-ups";
import type { NumberedSource } from "../types";
import { LATEST_ALSO_NAMED } from "./constants";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** An ISO date as a visitor reads it: "12 March 2026" (UTC, as the pages show dates). */
export function formatVisitorDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** The newest dated documents among the sources, newest first, as the sources that stand for them. */
export function newestSources({ sources, question }: { sources: NumberedSource[]; question: string }): NumberedSource[] {
  const dated = sources.filter((s) => s.date && s.kind && s.documentTitle && !Number.isNaN(Date.parse(s.date)));
  // The same rule the search's "latest" list uses: which kinds the question wants, the resume never.
  const ranked = rankByRecency(dated.map((s) => ({ kind: s.kind!, documentUrl: documentUrlOf(s), date: s.date! })), question);
  return ranked.slice(0, 1 + LATEST_ALSO_NAMED).map((i) => dated[i]!);
}

function noun(kind: NumberedSource["kind"]): string {
  return kind === "project" ? "project" : kind === "post" ? "post" : "piece of writing";
}

/** "My most recent post is **Title**, from 12 March 2026 [n]." */
export function writeLatestLine(source: NumberedSource): string {
  return `My most recent ${noun(source.kind)} is **${source.documentTitle}**, from ${formatVisitorDate(source.date!)} [${source.n}].`;
}

/** "Before that: **B** (4 January 2026) [2] and **C** (3 November 2025) [3]." */
export function writeEarlierLine(sources: NumberedSource[]): string | undefined {
  if (sources.length === 0) return undefined;
  const named = sources.map((s) => `**${s.documentTitle}** (${formatVisitorDate(s.date!)}) [${s.n}]`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
  return `Before that: ${list}.`;
}
