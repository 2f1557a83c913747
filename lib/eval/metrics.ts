import { TOP_K } from "../search/constants";
import { QUESTION_TYPES, type Mode, type QuestionRun, type QuestionType } from "./types";

/** Deepest rank scored: the chat hands the top TOP_K (15) chunks to the answer model, so a URL below that is not retrieved. */
export const MAX_K = TOP_K;

/** The shallow cut-off reported beside MAX_K: roughly the chunks a short answer actually leans on. */
export const SHALLOW_K = 5;

/** 1-based rank of the first chunk with this URL, or null when no chunk with it was ranked. */
export function rankOf(ranking: string[], url: string): number | null {
  const index = ranking.indexOf(url);
  return index < 0 ? null : index + 1;
}

/** Share of the expected URLs that appear in the top k (0 when nothing is expected: such questions are excluded upstream). */
export function recallAtK({ ranking, expected, k }: { ranking: string[]; expected: string[]; k: number }): number {
  if (expected.length === 0) return 0;
  const found = expected.filter((url) => {
    const rank = rankOf(ranking, url);
    return rank !== null && rank <= k;
  });
  return found.length / expected.length;
}

/** 1 / the rank of the first expected URL in the top k, or 0 when none is there. */
export function reciprocalRankAtK({ ranking, expected, k }: { ranking: string[]; expected: string[]; k: number }): number {
  const ranks = expected.map((url) => rankOf(ranking, url)).filter((rank): rank is number => rank !== null && rank <= k);
  return ranks.length === 0 ? 0 : 1 / Math.min(...ranks);
}

/** Mean figures of one mode over a set of answerable questions. */
export interface ModeSummary {
  questions: number;
  recallAt5: number;
  recallAt15: number;
  mrrAt15: number;
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length);

/** The answerable questions that ran in this mode, with their ranking. */
function scored(runs: QuestionRun[], mode: Mode): Array<{ ranking: string[]; expected: string[] }> {
  return runs.flatMap((run) => {
    const ranking = run.rankings[mode];
    return ranking && run.question.expected.length > 0 ? [{ ranking, expected: run.question.expected }] : [];
  });
}

/** Recall@5, recall@15 and MRR@15 of one mode, each question counting once; unanswerable questions are left out. */
export function summarizeMode(runs: QuestionRun[], mode: Mode): ModeSummary {
  const items = scored(runs, mode);
  return {
    questions: items.length,
    recallAt5: mean(items.map((item) => recallAtK({ ...item, k: SHALLOW_K }))),
    recallAt15: mean(items.map((item) => recallAtK({ ...item, k: MAX_K }))),
    mrrAt15: mean(items.map((item) => reciprocalRankAtK({ ...item, k: MAX_K }))),
  };
}

/** The same summary per answerable question type (types with no question are omitted). */
export function summarizeByType(runs: QuestionRun[], mode: Mode): Array<{ type: QuestionType; summary: ModeSummary }> {
  return QUESTION_TYPES.filter((type) => type !== "unanswerable")
    .map((type) => ({ type, summary: summarizeMode(runs.filter((run) => run.question.type === type), mode) }))
    .filter(({ summary }) => summary.questions > 0);
}

/** Mean recall@k for k = 1..MAX_K: the curve the SVG plots. */
export function recallCurve(runs: QuestionRun[], mode: Mode): number[] {
  const items = scored(runs, mode);
  return Array.from({ length: MAX_K }, (_, i) => mean(items.map((item) => recallAtK({ ...item, k: i + 1 }))));
}
