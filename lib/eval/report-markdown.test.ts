import { describe, expect, it } from "vitest";
import { evaluateCoverage } from "./coverage-eval";
import { evalMarkdown } from "./report-markdown";
import { tinyIndex } from "./testing";
import type { EvalResult } from "./run-eval";
import type { EvalQuestion, QuestionRun } from "./types";

const ranked = (...urls: string[]) => urls;
function run(question: EvalQuestion, rankings: QuestionRun["rankings"]): QuestionRun {
  return { question, query: question.question, rankings, top: { bm25: 3.5, cosine: 0.42 } };
}
const deep = Array.from({ length: 7 }, (_, i) => `/other-${i}`);

const questions: EvalQuestion[] = [
  { id: "walk", type: "paraphrase", question: "camino walk", expected: ["/walk"] },
  { id: "cello", type: "unanswerable", question: "Do you play the cello?", expected: [] },
];
const coverage = evaluateCoverage({ index: tinyIndex(), questions, vectorOf: () => undefined });

function result(overrides: Partial<EvalResult> = {}): EvalResult {
  return {
    coverage,
    extractive: { answers: 1, p50: 420, p95: 420, max: 420, overMax: 0, withTags: 0 },
    runs: [
      run({ id: "found", type: "resume", question: "Where did you study?", expected: ["/resume#education"] }, { lexical: ranked("/resume#education"), dense: ranked("/resume#education"), hybrid: ranked("/resume#education") }),
      run({ id: "deep", type: "follow-up", history: ["Earlier?"], question: "and then?", expected: ["/a", "/b"] }, { lexical: [...deep, "/a"], dense: ranked("/a"), hybrid: ranked("/b", "/a") }),
      run({ id: "nothing", type: "unanswerable", question: "Cello?", expected: [] }, { lexical: ranked("/x"), dense: ranked("/x"), hybrid: ranked("/y") }),
    ],
    modes: ["lexical", "dense", "hybrid"],
    embedder: "bge-m3 (ollama API at pi.example)",
    fake: false,
    model: "bge-m3",
    indexHasVectors: true,
    chunks: 3,
    date: "2026-10-12T08:00:00.000Z",
    ...overrides,
  };
}

describe("evalMarkdown", () => {
  it("lists a labelled URL outside the top 5 of some mode with its rank in each, — where unranked", () => {
    const markdown = evalMarkdown(result());
    expect(markdown).toContain("| deep | “Earlier?” → and then? | `/a` | 8 | 1 | 2 |");
    expect(markdown).toContain("| deep | “Earlier?” → and then? | `/b` | — | — | 1 |");
    expect(markdown).not.toMatch(/\| found \|/);
  });

  it("reports unanswerable questions by score, not recall", () => {
    const markdown = evalMarkdown(result());
    expect(markdown).toContain("| nothing | Cello? | 3.50 | 0.420 | `/y` |");
    expect(markdown).toMatch(/\| hybrid \| 2 \|/);
  });

  it("warns that a fake run's dense figures are not bge-m3's", () => {
    expect(evalMarkdown(result({ fake: true }))).toContain("**Fake embedder.**");
    expect(evalMarkdown(result())).not.toContain("**Fake embedder.**");
  });

  it("says why dense and hybrid are missing in a lexical-only run", () => {
    const markdown = evalMarkdown(result({ modes: ["lexical"], lexicalOnlyReason: "no embedding endpoint is configured" }));
    expect(markdown).toContain("Dense and hybrid are missing because no embedding endpoint is configured.");
    expect(markdown).not.toMatch(/^\| dense \|/m);
  });

  it("says a lexical-only index has no vectors instead of naming a model as if vectors were used", () => {
    const lexicalOnly = { modes: ["lexical" as const], lexicalOnlyReason: "no embedding endpoint is configured" };
    expect(evalMarkdown(result({ ...lexicalOnly, indexHasVectors: false }))).toContain("- **Index:** 3 chunks (no vectors (lexical-only index))");
    expect(evalMarkdown(result({ ...lexicalOnly }))).toContain("- **Index:** 3 chunks (bge-m3 vectors, unused in this lexical-only run)");
    expect(evalMarkdown(result())).toContain("- **Index:** 3 chunks (model recorded: bge-m3)");
  });

  it("lists each question without a vector with its reason, and flags them above the tables", () => {
    const base = result();
    const runs = base.runs.map((run) => (run.question.id === "found" ? { ...run, noVector: "primary: answered 429" } : run));
    const markdown = evalMarkdown({ ...base, runs });
    expect(markdown).toContain("> **1 question without a vector.**");
    expect(markdown).toContain("| found | Where did you study? | no vector: primary: answered 429 |");
    expect(evalMarkdown(base)).not.toContain("Questions without a vector");
  });
});
