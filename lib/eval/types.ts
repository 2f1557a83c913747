/** The kinds of question a visitor asks, reported separately so a weak kind is visible. */
export const QUESTION_TYPES = ["proper-noun", "paraphrase", "resume", "latest", "technology", "follow-up", "unanswerable"] as const;

/** One kind of question (see QUESTION_TYPES). */
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One labelled question of the eval set. */
export interface EvalQuestion {
  id: string;
  type: QuestionType;
  /** The visitor's message, as typed. */
  question: string;
  /** Chunk URLs that answer it, exactly as the chunker produces them; empty for unanswerable questions. */
  expected: string[];
  /** Earlier user turns, oldest first (follow-ups only). */
  history?: string[];
}

/** The three retrieval modes measured: the BM25 list alone, the cosine list alone, and what `searchIndex` returns. */
export const MODES = ["lexical", "dense", "hybrid"] as const;

/** One retrieval mode (see MODES). */
export type Mode = (typeof MODES)[number];

/** Best first-place scores of one query, for tuning a future refusal threshold. */
export interface TopScores {
  bm25: number | null;
  cosine: number | null;
}

/** What retrieval returned for one question in every mode that ran. */
export interface QuestionRun {
  question: EvalQuestion;
  /** The text actually retrieved with (history folded in for follow-ups). */
  query: string;
  /** The top MAX_K chunk URLs in rank order, per mode that ran (duplicates kept: several chunks can share a page URL). */
  rankings: Partial<Record<Mode, string[]>>;
  top: TopScores;
  /** Why this question's query got no vector, so every mode ranks it lexically (absent when it got one or none was sought). */
  noVector?: string;
}
