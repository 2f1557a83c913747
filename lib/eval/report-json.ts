import { rankOf, recallCurve, summarizeByType, summarizeMode } from "./metrics";
import type { EvalResult } from "./run-eval";

/** The `--json` output: the setup, every summary, the recall@k curves, and each question's rank per expected URL per mode. */
export function evalJson(result: EvalResult) {
  const { runs, modes } = result;
  return {
    date: result.date,
    embedder: result.embedder,
    fake: result.fake,
    model: result.model,
    indexHasVectors: result.indexHasVectors,
    chunks: result.chunks,
    modes,
    lexicalOnlyReason: result.lexicalOnlyReason ?? null,
    overall: Object.fromEntries(modes.map((mode) => [mode, summarizeMode(runs, mode)])),
    byType: Object.fromEntries(modes.map((mode) => [mode, Object.fromEntries(summarizeByType(runs, mode).map(({ type, summary }) => [type, summary]))])),
    recallAtK: Object.fromEntries(modes.map((mode) => [mode, recallCurve(runs, mode)])),
    coverage: {
      inForce: result.coverage.inForce,
      fitted: result.coverage.fitted,
      denseFitted: result.coverage.denseFitted,
      lexical: result.coverage.lexical,
      hybrid: result.coverage.hybrid ?? null,
      cases: result.coverage.measures,
    },
    extractive: result.extractive,
    questions: runs.map((run) => ({
      id: run.question.id,
      type: run.question.type,
      query: run.query,
      expected: run.question.expected,
      ranks: Object.fromEntries(modes.map((mode) => [mode, Object.fromEntries(run.question.expected.map((url) => [url, rankOf(run.rankings[mode]!, url)]))])),
      top: run.top,
      noVector: run.noVector ?? null,
    })),
  };
}
