/** Chunks per embedding request: 8 × ~1.5 s keeps one Pi request near 12 s, well under the timeout, with few round trips. */
export const EMBED_BATCH_SIZE = 8;

/** Per-request timeout at build: a full batch on a cold Pi (3-5 s model load + 8 × 1.5 s) fits with room to spare. */
export const EMBED_TIMEOUT_MS = 60_000;

/** Retries after the first attempt for network errors, 429 and 5xx: rides out a model reload, gives up on a dead host. */
export const EMBED_MAX_RETRIES = 3;

/** First backoff delay; doubled per attempt with full jitter, so parallel builds do not retry in step. */
export const BACKOFF_BASE_MS = 500;

/** Ceiling of one backoff wait, `Retry-After` included: a build must not sleep for minutes on one batch. */
export const BACKOFF_MAX_MS = 10_000;

/** The one health probe before a build embeds: a reachable host answers in milliseconds, a dead tunnel never does. */
export const HEALTH_PROBE_TIMEOUT_MS = 3_000;
