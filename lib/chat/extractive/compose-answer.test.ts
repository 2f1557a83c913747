import { describe, expect, it } from "vitest";
import type { Candidate } from "./candidates";
import { composeAnswer } from "./compose-answer";
import type { SourceBlock } from "./read-source";
import type { QuotedUnit } from "./select-units";
import { sourceOf } from "./testing";

const part = (source: number, block: number, index: number, kind: Candidate["kind"], text: string): Candidate => ({ source, block, index, span: 1, kind, text, terms: [], opening: index === 0 });
const unit = (score: number, ...parts: Candidate[]): QuotedUnit => ({ source: parts[0]!.source, block: parts[0]!.block, kind: parts[0]!.kind, parts, score });

describe("composeAnswer", () => {
  const sources = [sourceOf({ n: 4, title: "A", blocks: [] }), sourceOf({ n: 9, title: "B", blocks: [] })];
  const blocks: SourceBlock[][] = [
    [{ type: "prose", sentences: ["First.", "Second."] }],
    [{ type: "list", lead: "Three things:", items: ["one", "two", "three"] }, { type: "list", items: ["alone"] }],
  ];

  it("writes one paragraph per source, best source first, each ending in its own number", () => {
    const paragraphs = composeAnswer({ picks: [unit(1, part(0, 0, 1, "sentence", "Second.")), unit(3, part(1, 0, 0, "item", "one"), part(1, 0, 2, "item", "three")), unit(2, part(0, 0, 0, "sentence", "First."))], sources, blocks });
    expect(paragraphs).toEqual(["Three things: [9]\n- one\n- three", "First. Second. [4]"]);
  });

  it("writes a lone list item as a sentence, not a one-item list", () => {
    expect(composeAnswer({ picks: [unit(1, part(1, 1, 0, "item", "alone"))], sources, blocks })).toEqual(["alone [9]"]);
  });
});
