import { describe, expect, it, vi } from "vitest";
import { runEval, type EvalSetup } from "./run-eval";
import { tinyIndex } from "./testing";
import type { EvalQuestion } from "./types";

const questions: EvalQuestion[] = [
  { id: "rust", type: "technology", question: "tokio", expected: ["/rust"] },
  { id: "none", type: "unanswerable", question: "cello", expected: [] },
];
const alongY = async (_text: string) => Float32Array.from([0, 1]);

describe("runEval", () => {
  it("runs the lexical mode alone, keeping the setup's reason, when there is no embedder", async () => {
    const result = await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "none", lexicalOnlyReason: "no EMBED_URL" }, questions });
    expect(result.modes).toEqual(["lexical"]);
    expect(result.lexicalOnlyReason).toBe("no EMBED_URL");
    expect(result.runs[0]!.rankings.lexical![0]).toBe("/rust");
  });

  it("runs all three modes when every query gets a vector, the dense list following the vector", async () => {
    const result = await runEval({ setup: { index: tinyIndex(), fake: true, embedder: "fake", embed: alongY }, questions });
    expect(result.modes).toEqual(["lexical", "dense", "hybrid"]);
    expect(result.runs[0]!.rankings.dense).toEqual(["/coffee", "/walk", "/rust"]);
    expect(result.runs[1]!.top).toEqual({ bm25: null, cosine: expect.closeTo(1, 5) });
  });

  it("falls back to lexical for the whole run, naming the query and the reason, when one query cannot be embedded", async () => {
    const embed = vi.fn(async (text: string) => (text === "cello" ? Promise.reject(new Error("timed out after 5000 ms")) : Float32Array.from([1, 0])));
    const result = await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "pi", embed }, questions });
    expect(result.modes).toEqual(["lexical"]);
    expect(result.lexicalOnlyReason).toBe('no query vector for "cello": timed out after 5000 ms');
  });

  it("uses a baked query vector without calling the embedder, as the chat does", async () => {
    const index = { ...tinyIndex(), bakedQueryVector: (text: string) => (text === "tokio" ? Float32Array.from([1, 0]) : undefined) };
    const embed = vi.fn(alongY);
    const setup: EvalSetup = { index, fake: false, embedder: "pi", embed };
    const result = await runEval({ setup, questions });
    expect(embed.mock.calls.map(([text]) => text)).toEqual(["cello"]);
    expect(result.runs[0]!.rankings.dense![0]).toBe("/rust");
  });

  it("says why when the vectors do not fit the index", async () => {
    const result = await runEval({ setup: { index: tinyIndex(), fake: false, embedder: "pi", embed: async () => Float32Array.from([1, 0, 0]) }, questions });
    expect(result.modes).toEqual(["lexical"]);
    expect(result.lexicalOnlyReason).toMatch(/do not fit the index \(test, 2 dimensions\)/);
  });
});
