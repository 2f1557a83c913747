import { z } from "zod";
import { DEFAULT_DAILY_ANSWER_LIMIT, DEFAULT_QUERY_EMBEDS_PER_MIN } from "./chat/budget-limits";

// parseEnv drops blank values before the schema sees them, so "" needs no case of its own here.
const optionalUrl = z.url().optional();
const optionalText = z.string().optional();
const embedApi = z.enum(["ollama", "openai"]).default("ollama");

/**
 * Every environment variable the site, the indexer and the chat route read, parsed once.
 * Each optional variable says what turns off without it. The gateway has its own config.
 */
const schema = z.object({
  /** Public origin for feeds, sitemap and Open Graph. Unset: Vercel's production URL there, else localhost with a warning at build (lib/site.ts). */
  SITE_URL: optionalUrl,
  /** Embedding endpoint (gateway, Ollama or OpenAI-compatible). Without it: lexical-only index and search. */
  EMBED_URL: optionalUrl,
  EMBED_API: embedApi,
  /** Bearer token for the gateway. Without it no Authorization header is sent. */
  EMBED_SECRET: optionalText,
  /** The indexer's own gateway token, so deploys and visitors draw on separate buckets. Without it the indexer uses `EMBED_SECRET`. */
  EMBED_BUILD_SECRET: optionalText,
  EMBED_MODEL: z.string().min(1).default("bge-m3"),
  /** A second endpoint serving the same model. Without it a down Pi means lexical-only for the gaps. */
  EMBED_FALLBACK_URL: optionalUrl,
  EMBED_FALLBACK_API: embedApi,
  EMBED_FALLBACK_SECRET: optionalText,
  /** `1`: fail the build when any chunk is left without a vector. */
  INDEX_STRICT: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  /** Where the embedding cache lives; defaults to `.next/cache/embeddings` (kept between Vercel builds). */
  EMBED_CACHE_DIR: optionalText,
  /** Folder of the baked search index; defaults to `.index` at the project root (found from the working directory or the `next` binary). */
  SEARCH_INDEX_DIR: optionalText,
  /** Groq answer model. Without the key: `LLM_BASE_URL`, else the extractive answer. */
  GROQ_API_KEY: optionalText,
  GROQ_MODEL: z.string().min(1).default("llama-3.3-70b-versatile"),
  GROQ_BASE_URL: optionalUrl,
  /** Any OpenAI-compatible chat server. Without it: Groq only, then extractive. */
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: z.string().min(1).default("llama3.2"),
  LLM_API_KEY: optionalText,
  LLM_ORDER: z.enum(["groq,local", "local,groq"]).default("groq,local"),
  /** Shared store for rate limits and the query cache. Without it: in-memory per instance. */
  REDIS_URL: optionalText,
  /** Chat requests allowed per client per minute (default 20: a visitor reading answers never meets it; benchmarks raise it). */
  CHAT_RATE_LIMIT_PER_MIN: z.coerce.number().int().positive().default(20),
  /**
   * Cosine of the best dense match at or above which a question counts as covered by the
   * writing even when its keywords are weak; per embedding model (`npm run eval` fits and
   * prints one). Unset: a question with a query vector but weak keyword evidence goes to the model.
   */
  CHAT_DENSE_COVERED_MIN: z.coerce.number().min(-1).max(1).optional(),
  /** Set to `1` by Vercel itself: the client's address is the one Vercel's edge writes. */
  VERCEL: z.enum(["0", "1"]).optional().transform((v) => v === "1"),
  /** Self-hosted behind N proxies that each append to X-Forwarded-For. Unset (and not on Vercel): no header is trusted and all visitors share one rate limit. */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(1).max(10).optional(),
  /** Fresh query embeddings per minute, site-wide (default 5, below the gateway's refill of 6). Past it: cached or baked vectors, else keyword search. */
  CHAT_QUERY_EMBEDS_PER_MIN: z.coerce.number().int().positive().default(DEFAULT_QUERY_EMBEDS_PER_MIN),
  /** Answers from the model rungs per UTC day, site-wide (default 500). Past it: the extractive answer, labelled. */
  CHAT_DAILY_ANSWER_LIMIT: z.coerce.number().int().positive().default(DEFAULT_DAILY_ANSWER_LIMIT),
  /** `1`: send `Server-Timing` from the chat route in production (benchmarks only: it tells one visitor whether another asked the same question). Always on in development. */
  CHAT_SERVER_TIMING: z.enum(["0", "1"]).optional().transform((v) => v === "1"),
  /** `off`: record no questions for `npm run insights` (on by default: Redis, a log line on Vercel, or `.data/insights.jsonl`). */
  CHAT_INSIGHTS: z.enum(["on", "off"]).default("on"),
  /** The local insights file (JSONL) when neither Redis nor Vercel; default `.data/insights.jsonl`. */
  CHAT_INSIGHTS_FILE: optionalText,
  /** Set by Vercel: the production domain, used for absolute URLs when `SITE_URL` is unset. */
  VERCEL_PROJECT_PRODUCTION_URL: optionalText,
});

export type Env = z.infer<typeof schema>;

/** Parses an environment (default `process.env`); throws one message listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // `VAR=` (as .env.example ships every variable) means unset: it takes the default.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = schema.safeParse(set);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
