import { describe, expect, it } from "vitest";
import { rankOf, recallAtK, recallCurve, reciprocalRankAtK, summarizeByType, summarizeMode, MAX_K } from "./metrics";
import type { EvalQuestion, QuestionRun } from "./types";

const ranking = ["/a", "/b", "/c", "/d", "/e", "/f"];

function run(question: Partial<EvalQuestion> & Pick<EvalQuestion, "expected">, lexical: string[]): QuestionRun {
  return { question: { id: "q", type: "proper-noun", question: "?", ...question }, query: "?", rankings: { lexical }, top: { bm25: null, cosine: null } };
}

describe("rankOf", () => {
  it("gives the 1-based rank of the first chunk with the URL, counting every chunk", () => {
    expect(rankOf(["/x", "/page", "/page", "/y"], "/page")).toBe(2);
    expect(rankOf(["/x", "/page", "/page", "/y"], "/y")).toBe(4);
  });

  it("is null when the URL is not ranked", () => {
    expect(rankOf(ranking, "/z")).toBeNull();
  });
});

describe("recallAtK", () => {
  it("counts the share of several expected URLs found in the top k", () => {
    expect(recallAtK({ ranking, expected: ["/b", "/e", "/z"], k: 5 })).toBeCloseTo(2 / 3);
    expect(recallAtK({ ranking, expected: ["/b", "/e", "/z"], k: 2 })).toBeCloseTo(1 / 3);
  });

  it("counts a URL at exactly rank k as found and one at k + 1 as missed", () => {
    expect(recallAtK({ ranking, expected: ["/e"], k: 5 })).toBe(1);
    expect(recallAtK({ ranking, expected: ["/f"], k: 5 })).toBe(0);
  });

  it("is 0 for a question with no hit", () => {
    expect(recallAtK({ ranking, expected: ["/y", "/z"], k: 15 })).toBe(0);
  });
});

describe("reciprocalRankAtK", () => {
  it("is 1/3 when the first relevant URL is ranked third", () => {
    expect(reciprocalRankAtK({ ranking, expected: ["/e", "/c"], k: 15 })).toBeCloseTo(1 / 3);
  });

  it("is 0 when the only relevant URL is below k", () => {
    expect(reciprocalRankAtK({ ranking, expected: ["/f"], k: 5 })).toBe(0);
    expect(reciprocalRankAtK({ ranking, expected: ["/z"], k: 15 })).toBe(0);
  });
});

describe("summarizeMode", () => {
  it("averages per question, each counting once however many URLs it expects", () => {
    const runs = [run({ expected: ["/a", "/z"] }, ranking), run({ expected: ["/c"] }, ranking)];
    expect(summarizeMode(runs, "lexical")).toEqual({ questions: 2, recallAt5: 0.75, recallAt15: 0.75, mrrAt15: (1 + 1 / 3) / 2 });
  });

  it("leaves unanswerable questions out of recall and MRR", () => {
    const runs = [run({ expected: ["/a"] }, ranking), run({ type: "unanswerable", expected: [] }, ranking)];
    expect(summarizeMode(runs, "lexical")).toMatchObject({ questions: 1, recallAt5: 1, mrrAt15: 1 });
  });

  it("reports zero questions for a mode that did not run", () => {
    expect(summarizeMode([run({ expected: ["/a"] }, ranking)], "dense").questions).toBe(0);
  });
});

describe("summarizeByType", () => {
  it("splits the figures by question type and omits types with no question", () => {
    const runs = [run({ expected: ["/a"] }, ranking), run({ type: "paraphrase", expected: ["/z"] }, ranking)];
    expect(summarizeByType(runs, "lexical").map(({ type, summary }) => [type, summary.recallAt15])).toEqual([["proper-noun", 1], ["paraphrase", 0]]);
  });
});

describe("recallCurve", () => {
  it("gives mean recall@k for k = 1..15, rising as k grows", () => {
    const curve = recallCurve([run({ expected: ["/b", "/d"] }, ranking)], "lexical");
    expect(curve).toHaveLength(MAX_K);
    expect(curve.slice(0, 5)).toEqual([0, 0.5, 0.5, 1, 1]);
  });
});
