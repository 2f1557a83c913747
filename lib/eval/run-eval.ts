import type { SearchIndex } from "../search/types";
import type { QueryEmbedder } from "./embed-queries";
import { MODES, type EvalQuestion, type Mode, type QuestionRun } from "./types";
import { retrievalQueryOf } from "./questions";
import { coverageCases, evaluateCoverage, isCovered, type CoverageReport } from "./coverage-eval";
import { measureExtractiveAnswers, type ExtractiveFigures } from "./extractive-lengths";
import { rankInModes } from "./rank-modes";

/** What the eval runs against: the index, how queries get vectors, and how to describe both in the report. */
export interface EvalSetup {
  index: SearchIndex;
  /** Absent when there is no endpoint or the index has no vectors; `lexicalOnlyReason` then says why. */
  embed?: QueryEmbedder;
  /** "bge-m3 (ollama API at pi.example.com)", or the fake's label. */
  embedder: string;
  lexicalOnlyReason?: string;
  /** True for the fake feature-hashing embedder: the report must not pass its figures off as bge-m3's. */
  fake: boolean;
}

/** Everything the reports are made from. */
export interface EvalResult {
  runs: QuestionRun[];
  modes: Mode[];
  embedder: string;
  fake: boolean;
  /** Why dense and hybrid are missing, when they are (each question's own reason is its `noVector`). */
  lexicalOnlyReason?: string;
  model: string;
  /** False for a lexical-only index: then no vector was used, whatever model the index names. */
  indexHasVectors: boolean;
  chunks: number;
  /** ISO date-time of the run. */
  date: string;
  /** The covered decision: evidence per case, refusal figures, fitted thresholds. */
  coverage: CoverageReport;
  /** Extractive answer lengths over the answerable questions the lexical decision covers. */
  extractive: ExtractiveFigures;
}

const oneLine = (query: string) => query.replace(/\n/g, " / ");

/**
 * A vector per query text, or the reason it has none: a suggested question's baked vector
 * first, as the chat does; every other distinct text embedded in one batched pass.
 */
async function vectorsFor(index: SearchIndex, queries: string[], embed: QueryEmbedder): Promise<{ vector: (query: string) => Float32Array | undefined; failure: (query: string) => string | undefined }> {
  const baked = new Map(queries.flatMap((query) => {
    const vector = index.bakedQueryVector(query);
    return vector ? [[query, vector] as const] : [];
  }));
  const embedded = await embed([...new Set(queries.filter((query) => !baked.has(query)))]);
  return { vector: (query) => baked.get(query) ?? embedded.vectors.get(query), failure: (query) => embedded.failures.get(query) };
}

/** Why no query got a vector: the first question's reason, and how many others share the fate. */
function noVectorAtAll(runs: QuestionRun[]): string {
  const first = runs.find((run) => run.noVector);
  if (!first) return "no query got a vector";
  return `no query got a vector (${runs.length} questions); the first, "${oneLine(first.query)}": ${first.noVector}`;
}

/** A question without a vector takes its BM25 list in dense and hybrid too: roughly what the chat falls back to when its embedder fails. */
function lexicalInEveryMode(run: QuestionRun): QuestionRun {
  return { ...run, rankings: { lexical: run.rankings.lexical, dense: run.rankings.lexical, hybrid: run.rankings.lexical } };
}

/**
 * Retrieves every question in every mode the setup allows. A question whose query got no
 * vector takes its lexical ranking in dense and hybrid too, with the reason in `noVector`,
 * so every mode is scored on the same questions; the run is lexical only when no query got one.
 */
export async function runEval({ setup, questions, now = new Date() }: { setup: EvalSetup; questions: EvalQuestion[]; now?: Date }): Promise<EvalResult> {
  const { index } = setup;
  const queries = questions.map(retrievalQueryOf);
  const caseQueries = coverageCases(questions).map((c) => c.query);
  const vectors = setup.embed && !setup.lexicalOnlyReason ? await vectorsFor(index, [...new Set([...queries, ...caseQueries])], setup.embed) : undefined;
  const misfit = `the vector does not fit the index (${index.model}, ${index.dimensions} dimensions)`;
  let runs: QuestionRun[] = questions.map((question, i) => {
    const query = queries[i]!;
    const queryVector = vectors?.vector(query);
    const ranked = rankInModes({ index, query, queryVector });
    const noVector = !vectors || ranked.rankings.dense ? undefined : queryVector ? misfit : (vectors.failure(query) ?? "the embedder returned no vector");
    return { question, query, ...ranked, ...(noVector ? { noVector } : {}) };
  });
  const anyVector = runs.some((run) => run.rankings.dense);
  if (anyVector) runs = runs.map((run) => (run.noVector ? lexicalInEveryMode(run) : run));
  const modes: Mode[] = anyVector ? [...MODES] : ["lexical"];
  const lexicalOnlyReason = setup.lexicalOnlyReason ?? (anyVector ? undefined : noVectorAtAll(runs));
  const coverage = evaluateCoverage({ index, questions, vectorOf: (query) => (anyVector ? vectors?.vector(query) : undefined) });
  const coveredAnswerable = coverage.measures.filter((m) => m.answerable && isCovered(m, coverage.inForce)).map((m) => m.query);
  const extractive = await measureExtractiveAnswers({ index, queries: coveredAnswerable });
  return { runs, modes, embedder: setup.embedder, fake: setup.fake, lexicalOnlyReason, model: index.model, indexHasVectors: index.hasVectors, chunks: index.chunks.length, date: now.toISOString(), coverage, extractive };
}
