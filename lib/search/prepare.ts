import { postingsOf } from "./bm25-postings";
import { frequenciesOf } from "./coverage";
import { labelExpansionsOf } from "./everyday-labels";
import { topicsOf } from "./topicality";
import type { SearchIndex } from "./types";
import { int8RowsOf } from "./vectors";

/**
 * Builds every per-index lookup the search and the covered decision read (BM25 postings,
 * document frequencies, chunk topics and places, label expansions, the int8 rows), so the
 * process pays for them once when it loads the index, not on its first question: at
 * 10,000 chunks they take seconds.
 */
export function prepareSearchIndex(index: SearchIndex): SearchIndex {
  postingsOf(index.bm25);
  frequenciesOf(index.bm25);
  topicsOf(index.chunks);
  labelExpansionsOf(index.chunks);
  if (index.hasVectors) int8RowsOf(index.matrix, index.dimensions);
  return index;
}
