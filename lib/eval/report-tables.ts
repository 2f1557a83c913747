import { MAX_K, SHALLOW_K, summarizeByType, summarizeMode, type ModeSummary } from "./metrics";
import { coverageLines, refusalTable } from "./report-coverage";
import type { EvalResult } from "./run-eval";
import type { Mode, QuestionRun } from "./types";

/** Metrics are printed to two decimals: one question moves a mean over ~50 questions by 0.02. */
const fixed2 = (n: number) => n.toFixed(2);

/** A markdown table from a header row and body rows (cells are escaped for `|`). */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const triple = (s: ModeSummary) => `${fixed2(s.recallAt5)} · ${fixed2(s.recallAt15)} · ${fixed2(s.mrrAt15)}`;

/** One row per mode that ran: questions scored, recall@5, recall@15, MRR@15. */
export function overallTable(result: EvalResult): string {
  const rows = result.modes.map((mode) => {
    const s = summarizeMode(result.runs, mode);
    return [mode, String(s.questions), fixed2(s.recallAt5), fixed2(s.recallAt15), fixed2(s.mrrAt15)];
  });
  return markdownTable(["mode", "questions", `recall@${SHALLOW_K}`, `recall@${MAX_K}`, `MRR@${MAX_K}`], rows);
}

/** One row per answerable question type, one cell per mode holding recall@5 · recall@15 · MRR@15. */
export function byTypeTable(result: EvalResult): string {
  const perMode = new Map<Mode, ReturnType<typeof summarizeByType>>(result.modes.map((mode) => [mode, summarizeByType(result.runs, mode)]));
  const types = perMode.get(result.modes[0]!)!.map(({ type, summary }) => ({ type, count: summary.questions }));
  const rows = types.map(({ type, count }) => [type, String(count), ...result.modes.map((mode) => triple(perMode.get(mode)!.find((t) => t.type === type)!.summary))]);
  return markdownTable(["type", "n", ...result.modes.map((mode) => `${mode} (R@${SHALLOW_K} · R@${MAX_K} · MRR)`)], rows);
}

/** Questions lexical in every mode for want of a vector (none in a lexical-only run: its reason covers them all). */
export function withoutVector(result: EvalResult): QuestionRun[] {
  return result.modes.includes("dense") ? result.runs.filter((run) => run.noVector) : [];
}

/** The two tables as printed to stdout, with the setup in one line above them. */
export function stdoutReport(result: EvalResult): string {
  const setup = `retrieval eval · ${result.runs.length} questions · ${result.chunks} chunks · embedder: ${result.embedder}`;
  const note = [
    ...(result.lexicalOnlyReason ? [`lexical only: ${result.lexicalOnlyReason}`] : []),
    ...withoutVector(result).map((run) => `${run.question.id}: lexical in every mode, no vector: ${run.noVector}`),
  ].map((line) => `${line}\n`).join("");
  const coverage = `not covered (refusal) · ${result.coverage.lexical.all.unanswerableFirst} unanswerable questions, asked first and as follow-ups · ${result.coverage.lexical.all.answerable} answerable`;
  return `${setup}\n${note}\n${overallTable(result)}\n\n${byTypeTable(result)}\n\n${coverage}\n\n${refusalTable(result)}\n\n${coverageLines(result).join("\n")}\n`;
}
