/** Longest answer, in tokens: a short grounded answer is ~150; room for "tell me in detail" without a runaway bill. */
export const ANSWER_MAX_TOKENS = 800;

/** Low temperature: the answer should restate the sources, not improvise. */
export const ANSWER_TEMPERATURE = 0.2;

/** Time allowed to get the answer's response headers: Groq starts in well under a second; past this the next rung answers. */
export const ANSWER_CONNECT_TIMEOUT_MS = 6_000;

/** Longest silence between two deltas once the answer streams: a stalled model becomes an error part, not a hung spinner. */
export const ANSWER_IDLE_TIMEOUT_MS = 20_000;

/** SDK retries per answer: one quick retry for a blip; more makes the visitor wait when another rung could answer. */
export const ANSWER_MAX_RETRIES = 1;

/** A 429 asking to wait longer than this is not retried by the SDK; the next rung answers instead. */
export const MAX_RETRY_AFTER_SECONDS = 2;

/** Deadline for a rung's first token, retries included: past it the rung is abandoned and the next one answers. */
export const ANSWER_FIRST_TOKEN_TIMEOUT_MS = 12_000;
