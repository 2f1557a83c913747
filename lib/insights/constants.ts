/** Longest question text kept: enough to read what was asked, not a pasted document. */
export const MAX_RECORDED_QUESTION_CHARS = 300;

/** Events kept in Redis (a capped list): months of a personal site's questions in a few MB. */
export const MAX_REDIS_EVENTS = 20_000;

/** The Redis list holding the events, oldest first. */
export const REDIS_EVENTS_KEY = "insights:events";

/** The local store, git-ignored with the rest of `.data/`. */
export const LOCAL_INSIGHTS_FILE = ".data/insights.jsonl";

/** Two questions whose word sets overlap this much (Jaccard) are one group in the report: rewordings, not new topics. */
export const NEAR_DUPLICATE_JACCARD = 0.6;

/** Rows in the report's "Most asked" table. */
export const MOST_ASKED_ROWS = 10;

/** Characters of the visitor hash: enough to tell one day's visitors apart, too few to be an identifier. */
export const VISITOR_HASH_CHARS = 12;
