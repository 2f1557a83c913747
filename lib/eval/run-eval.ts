import type { SearchIndex } from "../search/types";
import { MODES, type EvalQuestion, type Mode, type QuestionRun } from "./types";
import { retrievalQueryOf } from "./questions";
import { rankInModes } from "./rank-modes";

/** Embeds one query; rejects with a one-line reason when no vector can be had. */
export type QueryEmbed = (text: string) => Promise<Float32Array>;

/** What the eval runs against: the index, how queries get vectors, and how to describe both in the report. */
export interface EvalSetup {
  index: SearchIndex;
  /** Absent when there is no endpoint or the index has no vectors; `lexicalOnlyReason` then says why. */
  embed?: QueryEmbed;
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
  /** Why dense and hybrid are missing, when they are. */
  lexicalOnlyReason?: string;
  model: string;
  chunks: number;
  /** ISO date-time of the run. */
  date: string;
}

/** Query vectors for every query (a suggested question's baked vector first, as the chat does), or the reason one failed. */
async function vectorsFor(index: SearchIndex, queries: string[], embed: QueryEmbed): Promise<{ vectors?: Float32Array[]; failed?: string }> {
  const vectors: Float32Array[] = [];
  for (const query of queries) {
    try {
      vectors.push(index.bakedQueryVector(query) ?? (await embed(query)));
    } catch (error) {
      // One missing vector would mix modes across questions; the whole run falls back to lexical instead.
      return { failed: `no query vector for "${query.replace(/\n/g, " / ")}": ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { vectors };
}

/** Retrieves every question in every mode the setup allows. */
export async function runEval({ setup, questions, now = new Date() }: { setup: EvalSetup; questions: EvalQuestion[]; now?: Date }): Promise<EvalResult> {
  const { index } = setup;
  const queries = questions.map(retrievalQueryOf);
  let lexicalOnlyReason = setup.lexicalOnlyReason;
  let vectors: Float32Array[] | undefined;
  if (setup.embed && !lexicalOnlyReason) {
    const embedded = await vectorsFor(index, queries, setup.embed);
    vectors = embedded.vectors;
    lexicalOnlyReason = embedded.failed;
  }
  const runs = questions.map((question, i) => ({ question, query: queries[i]!, ...rankInModes({ index, query: queries[i]!, queryVector: vectors?.[i] }) }));
  const modes = MODES.filter((mode) => runs.every((run) => run.rankings[mode]));
  if (modes.length === 1 && !lexicalOnlyReason) lexicalOnlyReason = `query vectors do not fit the index (${index.model}, ${index.dimensions} dimensions)`;
  return { runs, modes, embedder: setup.embedder, fake: setup.fake, lexicalOnlyReason, model: index.model, chunks: index.chunks.length, date: now.toISOString() };
}
