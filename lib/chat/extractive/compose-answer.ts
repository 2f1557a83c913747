import type { NumberedSource } from "../types";
import { MAX_SENTENCE_CHARS } from "./constants";
import type { SourceBlock } from "./read-source";
import type { QuotedUnit } from "./select-units";

/** Sources in the order of their best pick, each source's picks in reading order. */
function orderPicks(picks: QuotedUnit[]): QuotedUnit[] {
  const bestOf = new Map<number, number>();
  for (const pick of picks) bestOf.set(pick.source, Math.max(bestOf.get(pick.source) ?? -Infinity, pick.score));
  return [...picks].sort((a, b) => bestOf.get(b.source)! - bestOf.get(a.source)! || a.source - b.source || a.block - b.block || a.parts[0]!.index - b.parts[0]!.index);
}

/** A list's lead sentence, when there is one short enough to quote. */
function leadOf(block: SourceBlock | undefined): string | undefined {
  return block?.type === "list" && block.lead && block.lead.length <= MAX_SENTENCE_CHARS ? block.lead : undefined;
}

/**
 * Writes the chosen units as markdown paragraphs, one per source, each ending in its
 * source's `[n]`; a list (or table rows) becomes a short markdown list under its lead
 * sentence, the citation on the lead (or on the last item when there is no lead).
 */
export function composeAnswer({ picks, sources, blocks }: { picks: QuotedUnit[]; sources: NumberedSource[]; blocks: SourceBlock[][] }): string[] {
  const paragraphs: string[] = [];
  let prose: string[] = [];
  let proseSource = -1;
  const flush = () => {
    if (prose.length > 0) paragraphs.push(`${prose.join(" ")} [${sources[proseSource]!.n}]`);
    prose = [];
  };
  for (let pick of orderPicks(picks)) {
    const n = sources[pick.source]!.n;
    // One item of a list reads as a sentence; a list needs at least two.
    if (pick.kind === "item" && pick.parts.length === 1) pick = { ...pick, kind: "sentence" };
    if (pick.source !== proseSource || pick.kind !== "sentence") flush();
    if (pick.kind === "sentence") {
      proseSource = pick.source;
      prose.push(pick.parts[0]!.text);
      continue;
    }
    const lead = leadOf(blocks[pick.source]?.[pick.block]);
    const items = pick.parts.map((part) => `- ${part.text}`);
    if (lead) paragraphs.push([`${lead} [${n}]`, ...items].join("\n"));
    else paragraphs.push([...items.slice(0, -1), `${items.at(-1)} [${n}]`].join("\n"));
  }
  flush();
  return paragraphs;
}
