import { describe, expect, it, vi } from "vitest";
import type { QueryEmbedder } from "./embed-queries";
import { runEval, type EvalSetup } from "./run-eval";
import { tinyIndex } from "./testing";
import type { EvalQuestion } from "./types";

const questions: EvalQuestion[] = [
  { id: "rust", type: "technology", question: "tokio", expected: ["/rust"] },
  { id: "walk", type: "paraphrase", question: "porto", expected: ["/walk"] },
  { id: "none", type: "unanswerable", question: "cello", expected: [] },
];

/** A batch embedder from a per-text rule: a thrown error becomes that text's failure. */
function embedderOf(vectorOf: (text: string) => Float32Array): QueryEmbedder & ReturnType<typeof vi.fn> {
  return vi.fn(async (texts: string[]) => {
    const vectors = new Map<string, Float32Array>();
    const failures = new Map<string, string>();
    for (const text of texts) {
      try {
        vectors.set(text, vectorOf(text));
      } catch (error) {
        failures.set(text, (error as Error).message);
      }
    }
    return { vectors, failures };
  });
}
const alongY = () => Float32Array.from([0, 1]);

describe("runEval", () => {
  it("runs the lexical mode alone, keeping the setup's reason, when there is no embedder", async () => {
    const result = await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "none", lexicalOnlyReason: "no EMBED_URL" }, questions });
    expect(result.modes).toEqual(["lexical"]);
    expect(result.lexicalOnlyReason).toBe("no EMBED_URL");
    expect(result.runs[0]!.rankings.lexical![0]).toBe("/rust");
    expect(result.runs.every((run) => run.noVector === undefined)).toBe(true);
  });

  it("runs all three modes when every query gets a vector, the dense list following the vector", async () => {
    const result = await runEval({ setup: { index: tinyIndex(), fake: true, embedder: "fake", embed: embedderOf(alongY) }, questions });
    expect(result.modes).toEqual(["lexical", "dense", "hybrid"]);
    expect(result.runs[0]!.rankings.dense).toEqual(["/coffee", "/walk", "/rust"]);
    expect(result.runs[2]!.top).toEqual({ bm25: null, cosine: expect.closeTo(1, 5) });
  });

  it("asks the embedder once for all the queries, each distinct text once", async () => {
    const embed = embedderOf(alongY);
    await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "pi", embed }, questions: [...questions, { ...questions[0]!, id: "rust-again" }] });
    expect(embed.mock.calls).toEqual([[["tokio", "porto", "cello"]]]);
  });

  it("ranks only the question whose query failed lexically in every mode, keeping its reason, and the rest densely", async () => {
    const embed = embedderOf((text) => {
      if (text === "porto") throw new Error("primary: answered 429");
      return alongY();
    });
    const result = await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "pi", embed }, questions });
    expect(result.modes).toEqual(["lexical", "dense", "hybrid"]);
    expect(result.lexicalOnlyReason).toBeUndefined();
    const [rust, walk] = result.runs;
    expect(walk!.noVector).toBe("primary: answered 429");
    expect(walk!.rankings.dense).toEqual(walk!.rankings.lexical);
    expect(walk!.rankings.hybrid).toEqual(walk!.rankings.lexical);
    expect(rust!.noVector).toBeUndefined();
    expect(rust!.rankings.dense).toEqual(["/coffee", "/walk", "/rust"]);
  });

  it("falls back to lexical for the whole run, naming a query and its reason, only when no query got a vector", async () => {
    const embed = embedderOf(() => {
      throw new Error("primary: timed out");
    });
    const result = await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "pi", embed }, questions });
    expect(result.modes).toEqual(["lexical"]);
    expect(result.lexicalOnlyReason).toBe('no query got a vector (3 questions); the first, "tokio": primary: timed out');
  });

  it("uses a baked query vector without asking the embedder for it, as the chat does", async () => {
    const index = { ...tinyIndex(), bakedQueryVector: (text: string) => (text === "tokio" ? Float32Array.from([1, 0]) : undefined) };
    const embed = embedderOf(alongY);
    const setup: EvalSetup = { index, fake: false, embedder: "pi", embed };
    const result = await runEval({ setup, questions });
    expect(embed.mock.calls).toEqual([[["porto", "cello"]]]);
    expect(result.runs[0]!.rankings.dense![0]).toBe("/rust");
  });

  it("says why when the vectors do not fit the index", async () => {
    const result = await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "pi", embed: embedderOf(() => Float32Array.from([1, 0, 0])) }, questions });
    expect(result.modes).toEqual(["lexical"]);
    expect(result.lexicalOnlyReason).toMatch(/does not fit the index \(test, 2 dimensions\)/);
  });

  it("records whether the index holds vectors", async () => {
    const lexicalIndex = { ...tinyIndex(), hasVectors: false };
    expect((await runEval({ setup: { index: lexicalIndex, fake: false, embedder: "none", lexicalOnlyReason: "no vectors" }, questions })).indexHasVectors).toBe(false);
    expect((await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "pi", embed: embedderOf(alongY) }, questions })).indexHasVectors).toBe(true);
  });
});
