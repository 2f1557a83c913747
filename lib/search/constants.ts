/** Results per query: enough sources to cover a broad question, few enough to read and to fit the context budget. */
export const TOP_K = 15;

/** Reciprocal Rank Fusion constant from Cormack et al. (2009): damps the head so one list's top rank cannot dominate. */
export const RRF_K = 60;

/** Characters of retrieved context given to the answer model: ~4,000 tokens, leaving room for the prompt and the answer. */
export const CONTEXT_CHAR_BUDGET = 16_000;

/** How deep each ranked list (BM25, dense) goes before fusion: far past TOP_K, so a chunk ranked 40th in one list still earns fusion credit. */
export const CANDIDATE_DEPTH = 100;

/** Newest dated documents eligible for the recency list on "latest"/"recent" questions: a handful, so old topical matches still compete. */
export const RECENCY_DOCUMENTS = 3;


/**
 * RRF weight of the recency list: its first item scores 2/61, the same as a chunk ranked
 * first by both BM25 and dense, so the newest work can reach the top while a chunk that
 * is both topical and new still beats it, and only RECENCY_DOCUMENTS slots are at stake.
 */
export const RECENCY_WEIGHT = 2;

