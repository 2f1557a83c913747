// The site-wide budgets' defaults, read by lib/env.ts and lib/chat/budgets.ts; no imports, so env parsing pulls in nothing else.

/**
 * Fresh query embeddings per minute, site-wide (`CHAT_QUERY_EMBEDS_PER_MIN`): below the
 * gateway's refill (6 a minute), so over any T minutes the site asks at most 5(T + 1),
 * never more than the bucket's 30 + 6T: visitors can never empty it.
 */
export const DEFAULT_QUERY_EMBEDS_PER_MIN = 5;

/** The window of the query-embedding budget. */
export const QUERY_EMBED_BUDGET_WINDOW_SECONDS = 60;

/**
 * Answers from the model rungs per UTC day, site-wide (`CHAT_DAILY_ANSWER_LIMIT`): a
 * personal site sees far fewer questions, and 500 prompts of ~5,000 tokens (2.5 M tokens)
 * bound a day's bill to a few dollars at Groq's paid prices however hard anyone asks.
 */
export const DEFAULT_DAILY_ANSWER_LIMIT = 500;
