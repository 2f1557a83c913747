import { isCovered, type CoverageMeasure, type RefusalFigures } from "./coverage-eval";
import { EXTRACTIVE_MAX_CHARS } from "./extractive-lengths";
import { markdownTable } from "./report-tables";
import type { EvalResult } from "./run-eval";

const fraction = (value: number, whole: number) => `${value.toFixed(2)} (${Math.round(value * whole)}/${whole})`;
const row = (label: string, f: RefusalFigures) => [label, fraction(f.refusedFirst, f.unanswerableFirst), fraction(f.refusedFollowUp, f.unanswerableFollowUp), fraction(f.falseRefusals, f.answerable), fraction(f.refusedAnswerable, f.answerable)];
const thresholdsOf = ({ evidence, vocabulary, topical }: { evidence: number; vocabulary: number; topical: number }) => `evidence ≥ ${evidence}, vocabulary ≥ ${vocabulary}, topical ≥ ${topical}`;

/** The refusal table: lexical overall and per half, and hybrid with and without a dense threshold. */
export function refusalTable(result: EvalResult): string {
  const { coverage } = result;
  const rows = [
    row("lexical", coverage.lexical.all),
    row("lexical, fit half", coverage.lexical.fitHalf),
    row("lexical, held-out half", coverage.lexical.heldOut),
    ...(coverage.hybrid
      ? [row("hybrid, CHAT_DENSE_COVERED_MIN unset", coverage.hybrid.unset), row(`hybrid, CHAT_DENSE_COVERED_MIN=${coverage.denseFitted}`, coverage.hybrid.fitted)]
      : []),
  ];
  return markdownTable(["decision", "unanswerable refused, asked first", "refused as a follow-up", "false refusals (answer was in the top 5)", "answerable refused, any"], rows);
}

/** The lines under the table: thresholds in force and fitted, the dense threshold, extractive lengths. */
export function coverageLines(result: EvalResult): string[] {
  const { coverage, extractive } = result;
  const fitted = coverage.lexical.fittedHeldOut;
  const dense = coverage.denseFitted === null
    ? "dense covered threshold: none (no query vectors in this run)"
    : `dense covered threshold for ${result.model}: ${coverage.denseFitted} (CHAT_DENSE_COVERED_MIN)${result.fake ? "; fake embedder: this proves the path only, fit it against your real endpoint" : ""}`;
  return [
    `thresholds in force (lib/search/coverage.ts): ${thresholdsOf(coverage.inForce)}; personal details asked for ("your email address") need a chunk in a place named for them`,
    `fitted on the fit half: ${thresholdsOf(coverage.fitted)}; on the held-out half they refuse ${fitted.refusedFirst.toFixed(2)} first, ${fitted.refusedFollowUp.toFixed(2)} as follow-ups, ${fitted.falseRefusals.toFixed(2)} false`,
    dense,
    `extractive answers (${extractive.answers} covered answerable questions, lexical): p50 ${extractive.p50} chars · p95 ${extractive.p95} chars · max ${extractive.max} · over ${EXTRACTIVE_MAX_CHARS}: ${extractive.overMax} · with "Tags:": ${extractive.withTags}`,
  ];
}

const measureRow = (m: CoverageMeasure, covered: boolean) => [m.id, m.asked, m.history.length ? `“${m.history.join(" / ")}” → ${m.question}` : m.question, m.lexical.toFixed(2), m.vocabulary.toFixed(2), m.topical.toFixed(2), m.unsupportedDetails.join(", ") || "—", m.dense === null ? "—" : m.dense.toFixed(3), covered ? "covered" : m.answerFound ? "refused (false: answer in top 5)" : "refused"];

/** The markdown section: the table, the lines, then every unanswerable case and every falsely refused answerable one. */
export function coverageMarkdown(result: EvalResult): string {
  const { coverage } = result;
  const lexicalCovered = (m: CoverageMeasure) => isCovered(m, coverage.inForce);
  const header = ["id", "asked", "question", "evidence", "vocabulary", "topical", "personal details unmet", "top cosine", "lexical decision"];
  const unanswerable = coverage.measures.filter((m) => !m.answerable).sort((a, b) => b.lexical - a.lexical);
  const refused = coverage.measures.filter((m) => m.answerable && !lexicalCovered(m));
  return [
    `A question is covered when its lexical evidence (the best of the top BM25 chunks: each topic word weighted by its idf and counted by how strongly the chunk holds it, 0..1) its vocabulary (the idf-weighted share of its topic words the writing uses at all) and its topicality (the share that one of the best chunks is about: in its title, headings, tags or a list of named things, or mentioned at least twice in that chunk) all reach their thresholds and no personal detail it asks the author for ("your email address", "your partner", "your daily rate") lacks a best chunk in a place named for it (title, headings, tags), or, with a query vector, when its best cosine reaches \`CHAT_DENSE_COVERED_MIN\` (unset: the model decides). Unanswerable questions are asked first and again after an unrelated answerable question. A refusal of an answerable question is **false** when lexical retrieval had an answering chunk in its top 5 (the sources would have answered); refusing a paraphrase that keyword search misses loses nothing the sources held, and with a query vector such a question goes to the model instead. Both columns are shown. Halves alternate through \`eval/questions.json\`; the fit picks the thresholds that refuse the most unanswerable cases of the fit half while refusing at most 5% of its answerable questions.`,
    "",
    refusalTable(result),
    "",
    ...coverageLines(result).map((line) => `- ${line}`),
    "",
    "### Unanswerable questions",
    "",
    markdownTable(header, unanswerable.map((m) => measureRow(m, lexicalCovered(m)))),
    "",
    "### Answerable questions refused (lexical)",
    "",
    refused.length === 0 ? "None." : markdownTable(header, refused.map((m) => measureRow(m, false))),
  ].join("\n");
}
