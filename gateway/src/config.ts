// Gateway settings: read once from the environment, validated at start, so a bad
// value stops the gateway with a clear message instead of failing a request later.
import { join } from "node:path";

/** Everything createServer needs; tests build it with {@link withDefaults}. */
export type GatewayConfig = {
  host: string;
  port: number;
  /** Base URL of Ollama; the gateway only ever calls `<ollamaUrl>/api/embed` and `<ollamaUrl>/`. */
  ollamaUrl: URL;
  /** File of allowed tokens, one per line, `#` comments; must not be readable by group or others. */
  tokensFile: string;
  /** Allowed models; `bge-m3` also allows `bge-m3:latest`. */
  models: string[];
  burst: number;
  refillPerMin: number;
  maxBodyBytes: number;
  maxInputs: number;
  maxInputChars: number;
  /** Upstream calls in flight at once, and how many more may wait for a slot. */
  concurrency: number;
  queueSize: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  upstreamTimeoutMs: number;
  shutdownGraceMs: number;
  /** Clock for the token buckets (injected by tests). */
  now: () => number;
  /** Where access-log and notice lines go. */
  log: (line: string) => void;
};

/** Defaults with a one-line reason each; every one can be overridden. */
export const DEFAULTS = {
  host: "127.0.0.1", // only cloudflared on the same Pi should reach the gateway
  port: 11435, // next to Ollama's 11434
  ollamaUrl: "http://127.0.0.1:11434",
  models: ["bge-m3"],
  burst: 30, // an index rebuild of a personal site fits in one burst
  refillPerMin: 6, // then one request every 10 s per token
  maxBodyBytes: 1_000_000, // 64 chunks of a few KB each, with room to spare
  maxInputs: 64, // ~1.5 s per chunk on the Pi: a full batch answers within the upstream timeout
  maxInputChars: 20_000, // bge-m3 reads 8,192 tokens; longer text would be truncated anyway
  concurrency: 2, // the Pi embeds one thing at a time; a second call keeps the pipe full
  queueSize: 16, // a short queue: waiting longer than this is better spent on the fallback
  headersTimeoutMs: 10_000, // slow-header clients are cut off quickly
  requestTimeoutMs: 30_000, // whole request body
  upstreamTimeoutMs: 120_000, // a full 64-chunk batch at 1.5 s per chunk is 96 s
  shutdownGraceMs: 30_000, // let in-flight embeddings finish on SIGTERM, then force
} as const;

/** Error thrown for invalid settings; its message lists every problem. */
export class ConfigError extends Error {}

/** Fills the gaps of a partial config with {@link DEFAULTS}. */
export function withDefaults(partial: Partial<GatewayConfig> & { tokensFile: string }): GatewayConfig {
  return {
    ...DEFAULTS,
    ollamaUrl: new URL(DEFAULTS.ollamaUrl),
    models: [...DEFAULTS.models],
    now: () => Date.now(),
    log: (line) => console.log(line),
    ...partial,
  };
}

/** Parses and validates the GATEWAY_* variables; throws ConfigError naming each bad one. */
export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) problems.push(`${name} must be an integer >= ${min}, got "${raw}"`);
    return value;
  };
  let ollamaUrl = new URL(DEFAULTS.ollamaUrl);
  try {
    if (env.OLLAMA_URL) ollamaUrl = new URL(env.OLLAMA_URL);
    if (!["http:", "https:"].includes(ollamaUrl.protocol)) problems.push(`OLLAMA_URL must be http(s), got "${env.OLLAMA_URL}"`);
  } catch {
    problems.push(`OLLAMA_URL is not a URL: "${env.OLLAMA_URL}"`);
  }
  // Under systemd the tokens arrive with LoadCredential=gateway-tokens:...
  const credentials = env.CREDENTIALS_DIRECTORY ? join(env.CREDENTIALS_DIRECTORY, "gateway-tokens") : "";
  const tokensFile = env.GATEWAY_TOKENS_FILE || credentials;
  if (!tokensFile) problems.push("GATEWAY_TOKENS_FILE is required: a file with one token per line (make one with `openssl rand -hex 32`)");
  const models = (env.GATEWAY_MODELS || env.EMBED_MODEL || DEFAULTS.models.join(",")).split(",").map((m) => m.trim()).filter(Boolean);
  if (models.length === 0) problems.push("GATEWAY_MODELS must name at least one model");
  const config = withDefaults({
    host: env.GATEWAY_HOST || DEFAULTS.host,
    port: integer("GATEWAY_PORT", DEFAULTS.port, 0),
    ollamaUrl,
    tokensFile,
    models,
    burst: integer("GATEWAY_BURST", DEFAULTS.burst, 1),
    refillPerMin: integer("GATEWAY_REFILL_PER_MIN", DEFAULTS.refillPerMin, 1),
    maxBodyBytes: integer("GATEWAY_MAX_BODY_BYTES", DEFAULTS.maxBodyBytes, 1),
    maxInputs: integer("GATEWAY_MAX_INPUTS", DEFAULTS.maxInputs, 1),
    maxInputChars: integer("GATEWAY_MAX_INPUT_CHARS", DEFAULTS.maxInputChars, 1),
    concurrency: integer("GATEWAY_CONCURRENCY", DEFAULTS.concurrency, 1),
    queueSize: integer("GATEWAY_QUEUE", DEFAULTS.queueSize, 0),
    headersTimeoutMs: integer("GATEWAY_HEADERS_TIMEOUT_MS", DEFAULTS.headersTimeoutMs, 1),
    requestTimeoutMs: integer("GATEWAY_REQUEST_TIMEOUT_MS", DEFAULTS.requestTimeoutMs, 1),
    upstreamTimeoutMs: integer("GATEWAY_UPSTREAM_TIMEOUT_MS", DEFAULTS.upstreamTimeoutMs, 1),
    shutdownGraceMs: integer("GATEWAY_SHUTDOWN_GRACE_MS", DEFAULTS.shutdownGraceMs, 0),
  });
  if (config.port > 65535) problems.push(`GATEWAY_PORT must be <= 65535, got ${config.port}`);
  if (config.headersTimeoutMs > config.requestTimeoutMs) problems.push("GATEWAY_HEADERS_TIMEOUT_MS must not exceed GATEWAY_REQUEST_TIMEOUT_MS");
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  - ${problems.join("\n  - ")}`);
  return config;
}
