import winkBm25 from "wink-bm25-text-search";
import nlp from "wink-nlp-utils";

/** One BM25 engine as built and queried by this project. */
export type Bm25 = ReturnType<typeof winkBm25>;

/** wink refuses to consolidate fewer documents; tiny corpora are padded with empty placeholders. */
const MIN_DOCUMENTS = 3;
const PLACEHOLDER_PREFIX = "\u0000pad";

/** Lower-cases, folds accents ("halászlé" → "halaszle"), splits on anything not a letter or digit. */
function tokenize(text: string): string[] {
  const folded = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The prep tasks, defined once and used at build and at query time alike (wink does not serialise them). */
export const BM25_PREP_TASKS: Array<(input: any) => any> = [tokenize, nlp.tokens.removeWords, nlp.tokens.stem];

/** A configured engine with the shared prep tasks and no documents yet. */
export function createBm25(): Bm25 {
  const engine = winkBm25();
  engine.defineConfig({ fldWeights: { text: 1 }, bm25Params: { k1: 1.2, b: 0.75, k: 1 } });
  engine.definePrepTasks(BM25_PREP_TASKS);
  return engine;
}

/** Builds and consolidates a BM25 engine over chunk texts, keyed by their position. */
export function buildBm25(texts: string[]): Bm25 {
  const engine = createBm25();
  texts.forEach((text, index) => engine.addDoc({ text }, String(index)));
  for (let pad = texts.length; pad < MIN_DOCUMENTS; pad++) engine.addDoc({ text: "" }, `${PLACEHOLDER_PREFIX}${pad}`);
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

/** Chunk positions ranked by BM25 score, best first, at most `limit`. */
export function rankByBm25({ engine, query, limit }: { engine: Bm25; query: string; limit: number }): number[] {
  return engine
    .search(query, limit + MIN_DOCUMENTS)
    .filter(([id]) => !id.startsWith(PLACEHOLDER_PREFIX))
    .slice(0, limit)
    .map(([id]) => Number(id));
}
