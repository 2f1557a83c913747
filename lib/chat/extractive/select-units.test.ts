import { describe, expect, it } from "vitest";
import { collectCandidates } from "./candidates";
import { readSourceBlocks } from "./read-source";
import { scoreCandidates } from "./score";
import { isNearDuplicate, selectUnits } from "./select-units";
import { contentTerms } from "./terms";
import { sourceOf } from "./testing";

function choose(question: string, sources: ReturnType<typeof sourceOf>[]) {
  const candidates = collectCandidates(sources.map((s) => readSourceBlocks(s.text)));
  const query = new Map(contentTerms(question).map((term) => [term, 1]));
  const scores = scoreCandidates({ candidates, query, titleTerms: sources.map((s) => contentTerms(s.title)) });
  return selectUnits({ candidates, scores }).flatMap((unit) => unit.parts.map((part) => part.text));
}

describe("selectUnits", () => {
  it("picks the sentence that answers over the section's opening sentence", () => {
    const source = sourceOf({ n: 1, title: "Serving models › Results", blocks: [
      "We spent the spring rewriting the service from scratch in a new language. The team was small and the deadline was tight. After the rewrite, p99 latency fell from 41 ms to 8 ms on the same hardware.",
    ] });
    const chosen = choose("How much did the p99 latency fall?", [source]);
    expect(chosen[0]).toContain("p99 latency fell from 41 ms to 8 ms");
    expect(chosen).not.toContain("We spent the spring rewriting the service from scratch in a new language.");
  });

  it("skips a near-duplicate of a sentence already chosen, even from another source", () => {
    const a = sourceOf({ n: 1, title: "Chat", blocks: ["The chat answers from my posts using hybrid BM25 and bge-m3 retrieval on a Raspberry Pi."] });
    const b = sourceOf({ n: 2, title: "Chat project", blocks: ["The chat answers from my own posts using hybrid BM25 and bge-m3 retrieval, on a Raspberry Pi 5. A second, different sentence about Pi retrieval budgets follows here."] });
    const chosen = choose("How does the chat retrieval work on the Pi?", [a, b]);
    const about = chosen.filter((text) => text.includes("hybrid BM25"));
    expect(about).toHaveLength(1);
  });

  it("brings a list along as a list when its items answer", () => {
    const source = sourceOf({ n: 1, title: "Homelab › What broke", blocks: ["Four things broke:", "- Power. The hub could not supply the Pi.\n- SD cards. Prometheus killed the card.\n- Clock skew on one node."] });
    const candidates = collectCandidates([readSourceBlocks(source.text)]);
    const scores = scoreCandidates({ candidates, query: new Map(contentTerms("what broke in the homelab").map((t) => [t, 1])), titleTerms: [contentTerms(source.title)] });
    const units = selectUnits({ candidates, scores });
    expect(units[0]!.kind).toBe("item");
    expect(units[0]!.parts.length).toBeGreaterThanOrEqual(2);
  });
});

describe("isNearDuplicate", () => {
  const candidate = (text: string) => ({ source: 0, block: 0, index: 0, span: 1, kind: "sentence" as const, text, terms: contentTerms(text), opening: false });

  it("treats a reworded copy as a duplicate and a different sentence as new", () => {
    const base = candidate("The warehouse bill went from 3,900 euros to 640 euros a month.");
    expect(isNearDuplicate(base, candidate("Our warehouse bill went from 3,900 to 640 euros a month."))).toBe(true);
    expect(isNearDuplicate(base, candidate("Nightly builds got faster and every model has tests now."))).toBe(false);
  });
});
