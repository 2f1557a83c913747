import { z } from "zod";

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
  /** `off`: record no questions for `npm run insights` (on by default: Redis, a log line on Vercel, or `.data/insights.jsonl`). */
  CHAT_INSIGHTS: z.enum(["on", "off"]).default("on"),
  /** The local insights file (JSONL) when neither Redis nor Vercel; default `.data/insights.jsonl`. */
  CHAT_INSIGHTS_FILE: optionalText,
  /** Set by Vercel (`1`): insights go to the function log, the disk being read-only. Leave unset elsewhere. */
  VERCEL: optionalText,
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
