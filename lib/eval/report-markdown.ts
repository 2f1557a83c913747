import { MAX_K, rankOf, SHALLOW_K } from "./metrics";
import { coverageMarkdown } from "./report-coverage";
import { byTypeTable, markdownTable, overallTable, withoutVector } from "./report-tables";
import type { EvalResult } from "./run-eval";
import type { QuestionRun } from "./types";

/** The plot's file name, written beside the markdown. */
export const SVG_FILE = "recall-at-k.svg";

const DEFINITIONS = `**recall@k** of a question is the share of its labelled chunk URLs that appear among the top k ranked chunks (a URL counts as found if any chunk with that URL is ranked at or above k; several chunks of a heading-less page share its URL). **MRR@${MAX_K}** is 1 / the rank of the first labelled URL in the top ${MAX_K}, 0 when none is there. Each figure is the mean over answerable questions, each question counting once however many URLs it expects; unanswerable questions are left out and reported separately. Modes: **lexical** is what the chat retrieves without a query vector (no keys, Pi off): the fielded BM25 list, plus the recency list on "latest" questions; **dense** the cosine list alone; **hybrid** what \`searchIndex\` returns with a vector (RRF k = 60 over both lists, plus the recency list).`;

const rankIn = (ranking: string[] | undefined, url: string) => (ranking ? rankOf(ranking, url) : null);
const rankCell = (rank: number | null) => (rank === null ? "—" : String(rank));

const asked = (run: QuestionRun) => [...(run.question.history ?? []).map((turn) => `“${turn}” →`), run.question.question].join(" ");

/** One row per labelled URL that some mode ranked below SHALLOW_K (or not at all), with its rank in every mode. */
function missesTable(result: EvalResult): string {
  const rows = result.runs.flatMap((run) =>
    run.question.expected
      .map((url) => ({ url, ranks: result.modes.map((mode) => rankIn(run.rankings[mode], url)) }))
      .filter(({ ranks }) => ranks.some((rank) => rank === null || rank > SHALLOW_K))
      .map(({ url, ranks }) => [run.question.id, asked(run), `\`${url}\``, ...ranks.map(rankCell)]),
  );
  if (rows.length === 0) return `Every labelled URL is in the top ${SHALLOW_K} of every mode.`;
  return markdownTable(["id", "question", "expected URL", ...result.modes], rows);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const score = (value: number | null | undefined, digits: number) => (value === null || value === undefined ? "—" : value.toFixed(digits));

/** Top BM25 and cosine scores of each unanswerable question, against the answerable questions' median and minimum. */
function unanswerableSection(result: EvalResult): string {
  const unanswerable = result.runs.filter((run) => run.question.expected.length === 0);
  const rows = unanswerable.map((run) => [run.question.id, run.question.question, score(run.top.bm25, 2), score(run.top.cosine, 3), `\`${(run.rankings.hybrid ?? run.rankings.lexical)?.[0] ?? "—"}\``]);
  const answerable = result.runs.filter((run) => run.question.expected.length > 0);
  const stat = (pick: (run: QuestionRun) => number | null, digits: number) => {
    const values = answerable.map(pick).filter((v): v is number => v !== null);
    return `median ${score(median(values), digits)}, min ${score(values.length ? Math.min(...values) : null, digits)}`;
  };
  return [
    `These questions have no answer in the writing, so recall does not apply; the raw top scores are kept for comparison with the evidence above. For comparison, over the ${answerable.length} answerable questions the top BM25 score has ${stat((r) => r.top.bm25, 2)}, and the top cosine ${stat((r) => r.top.cosine, 3)}. BM25 "—" means no query term occurs in any chunk.`,
    "",
    markdownTable(["id", "question", "top BM25", "top cosine", "first result"], rows),
  ].join("\n");
}

/** The index line's note: which model's vectors were used, or that none were. */
function vectorsNote(result: EvalResult): string {
  if (!result.indexHasVectors) return "no vectors (lexical-only index)";
  return result.modes.includes("dense") ? `model recorded: ${result.model}` : `${result.model} vectors, unused in this lexical-only run`;
}

/** Questions whose query got no vector, each with its reason. */
function noVectorSection(result: EvalResult): string {
  const missing = withoutVector(result);
  if (missing.length === 0) return "";
  const rows = missing.map((run) => [run.question.id, asked(run), `no vector: ${run.noVector}`]);
  return `\n## Questions without a vector\n\nThese ${missing.length} of ${result.runs.length} questions got no query vector, so dense and hybrid take their BM25 list, roughly what the chat falls back to when its embedder fails. Run the eval again to measure them.\n\n${markdownTable(["id", "question", "reason"], rows)}\n`;
}

/** The full `reports/eval.md`: setup, definitions, overall and per-type tables, misses, unanswerable scores, plot. */
export function evalMarkdown(result: EvalResult): string {
  const answerable = result.runs.filter((run) => run.question.expected.length > 0).length;
  const fakeWarning = result.fake
    ? `\n> **Fake embedder.** Dense and hybrid figures below come from the fake feature-hashing embedder, not bge-m3: its vectors share words, not meaning. They show the dense path works end to end; they say nothing about bge-m3's retrieval quality. Run \`npm run eval\` against a real endpoint for those (see docs/eval.md).\n`
    : "";
  const lexicalOnly = result.lexicalOnlyReason ? `\n> **Lexical only.** Dense and hybrid are missing because ${result.lexicalOnlyReason}.\n` : "";
  const noVector = withoutVector(result).length;
  const partial = noVector > 0 ? `\n> **${noVector} ${noVector === 1 ? "question" : "questions"} without a vector.** Dense and hybrid take their BM25 list; see [Questions without a vector](#questions-without-a-vector).\n` : "";
  return `# Retrieval eval

- **Date:** ${result.date}
- **Embedder:** ${result.embedder}
- **Index:** ${result.chunks} chunks (${vectorsNote(result)})
- **Questions:** ${result.runs.length} from \`eval/questions.json\` (${answerable} answerable, ${result.runs.length - answerable} unanswerable)
- **Modes:** ${result.modes.join(", ")}
${fakeWarning}${lexicalOnly}${partial}
${DEFINITIONS}

## Overall

${overallTable(result)}

## By question type

${byTypeTable(result)}

![recall@k for k = 1..${MAX_K}, one line per mode](${SVG_FILE})

## Misses

Labelled URLs outside the top ${SHALLOW_K} in at least one mode, with the rank each mode gave them ("—": not in the top ${MAX_K}).

${missesTable(result)}

## Not covered: refusals

${coverageMarkdown(result)}

## Top scores of unanswerable questions

${unanswerableSection(result)}
${noVectorSection(result)}`;
}
