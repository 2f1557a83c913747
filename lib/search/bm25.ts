import winkBm25 from "wink-bm25-text-search";
import nlp from "wink-nlp-utils";
import { BM25_FIELD_WEIGHTS, EMPTY_BM25_DOCUMENT, type Bm25Document } from "./bm25-fields";
import { postingsOf, topByBm25 } from "./bm25-postings";

/** One BM25 engine as built and queried by this project. */
export type Bm25 = ReturnType<typeof winkBm25>;

/** wink refuses to consolidate fewer documents; tiny corpora are padded with empty placeholders. */
const MIN_DOCUMENTS = 3;
const PLACEHOLDER_PREFIX = "\u0000pad";

/** BM25 saturation: Robertson's usual k1 = 1.2 (a term's third mention adds little) and b = 0.75 length normalisation. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Lower-cases and folds accents ("halászlé" → "halaszle"). */
export function foldText(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

/** {@link foldText}, split on anything not a letter or digit. */
export function tokenize(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The prep tasks, defined once and used at build and at query time alike (wink does not serialise them). */
export const BM25_PREP_TASKS: Array<(input: any) => any> = [tokenize, nlp.tokens.removeWords, nlp.tokens.stem];

/** The indexed tokens of a text (what the prep tasks make of it): for matching a query's terms against chunks. */
export function indexTokens(text: string): string[] {
  return BM25_PREP_TASKS.reduce((value, task) => task(value), text as unknown) as string[];
}

/** A configured engine with the shared prep tasks and no documents yet. */
export function createBm25(): Bm25 {
  const engine = winkBm25();
  engine.defineConfig({ fldWeights: BM25_FIELD_WEIGHTS, bm25Params: { k1: BM25_K1, b: BM25_B, k: 1 } });
  engine.definePrepTasks(BM25_PREP_TASKS);
  return engine;
}

/** Builds and consolidates a fielded BM25 engine over chunk documents, keyed by their position. */
export function buildBm25(documents: Bm25Document[]): Bm25 {
  const engine = createBm25();
  documents.forEach((document, index) => engine.addDoc({ ...document }, String(index)));
  for (let pad = documents.length; pad < MIN_DOCUMENTS; pad++) engine.addDoc({ ...EMPTY_BM25_DOCUMENT }, `${PLACEHOLDER_PREFIX}${pad}`);
  engine.consolidate();
  return engine;
}

/** Restores an engine from `exportJSON()` output and re-attaches the shared prep tasks. */
export function importBm25(json: string): Bm25 {
  const engine = createBm25();
  engine.importJSON(json);
  engine.definePrepTasks(BM25_PREP_TASKS);
  return engine;
}

/** Chunk positions with their BM25 scores, best first, at most `limit`: wink's scores, looked up through typed postings. */
export function scoreByBm25({ engine, query, limit }: { engine: Bm25; query: string; limit: number }): Array<[number, number]> {
  return topByBm25({ postings: postingsOf(engine), tokens: indexTokens(query), limit });
}

/** Chunk positions ranked by BM25 score, best first, at most `limit`. */
export function rankByBm25(options: { engine: Bm25; query: string; limit: number }): number[] {
  return scoreByBm25(options).map(([chunk]) => chunk);
}
