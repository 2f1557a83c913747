// Gateway settings: read once from the environment, validated at start, so a bad
// value stops the gateway with a clear message instead of failing a request later.
import { join } from "node:path";

/** Everything createServer needs; tests build it with {@link withDefaults}. */
export type GatewayConfig = {
  host: string;
  port: number;
  /** Ollama base URLs, each with its own cap on calls in flight; the gateway only ever calls `/api/embed` and `/api/tags` there. */
  upstreams: UpstreamSpec[];
  /** File of allowed tokens, one per line, `#` comments; must not be readable by group or others. */
  tokensFile: string;
  /** Allowed models; `bge-m3` also allows `bge-m3:latest`. */
  models: string[];
  burst: number;
  refillPerMin: number;
  maxBodyBytes: number;
  maxInputs: number;
  maxInputChars: number;
  /** Upstream calls in flight at once per upstream (unless its URL says `*N`), and how many more may wait for a slot. */
  concurrency: number;
  queueSize: number;
  /** Open client connections at once; more are refused at accept. */
  maxConnections: number;
  /** Vectors kept in the gateway's LRU cache; 0 turns it off. */
  cacheEntries: number;
  /** Where Prometheus scrapes `/metrics`; no listener when the port is undefined. */
  metricsHost: string;
  metricsPort?: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Total deadline of one upstream call, from the request until the last byte of the reply. */
  upstreamTimeoutMs: number;
  shutdownGraceMs: number;
  /** Serve whole well-formed `POST /api/embed` requests on the raw-socket fast path (fast-path.ts); off, node:http serves all. */
  fastPath: boolean;
  /** Clock for the token buckets (injected by tests). */
  now: () => number;
  /** Where access-log and notice lines go. */
  log: (line: string) => void;
};

/** One upstream Ollama and how many calls it may have in flight. */
export type UpstreamSpec = { url: URL; concurrency: number };

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
  maxConnections: 256, // ~10 KB each: a Pi keeps 2.5 MB for sockets, far above a personal site's traffic
  cacheEntries: 2_000, // ~8 KB per 1,024-dim vector: 16 MB holds a personal site's chunks and its frequent questions
  metricsHost: "127.0.0.1", // the tunnel must never expose metrics; Prometheus scrapes on the same host
  headersTimeoutMs: 10_000, // slow-header clients are cut off quickly
  requestTimeoutMs: 30_000, // whole request body
  upstreamTimeoutMs: 120_000, // a full 64-chunk batch at 1.5 s per chunk is 96 s
  shutdownGraceMs: 30_000, // let in-flight embeddings finish on SIGTERM, then force
  fastPath: true, // node:http alone adds more latency per request than every check together (docs/bench.md)
} as const;

/** Error thrown for invalid settings; its message lists every problem. */
export class ConfigError extends Error {}

/** Fills the gaps of a partial config with {@link DEFAULTS}. */
export function withDefaults(partial: Partial<GatewayConfig> & { tokensFile: string }): GatewayConfig {
  return {
    ...DEFAULTS,
    upstreams: [{ url: new URL(DEFAULTS.ollamaUrl), concurrency: partial.concurrency ?? DEFAULTS.concurrency }],
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
  const onOff = (name: string, fallback: boolean) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (raw !== "0" && raw !== "1") problems.push(`${name} must be 0 or 1, got "${raw}"`);
    return raw === "1";
  };
  const concurrency = integer("GATEWAY_CONCURRENCY", DEFAULTS.concurrency, 1);
  const upstreams = parseUpstreams(env.OLLAMA_URL || DEFAULTS.ollamaUrl, concurrency, problems);
  // Under systemd the tokens arrive with LoadCredential=gateway-tokens:...
  const credentials = env.CREDENTIALS_DIRECTORY ? join(env.CREDENTIALS_DIRECTORY, "gateway-tokens") : "";
  const tokensFile = env.GATEWAY_TOKENS_FILE || credentials;
  if (!tokensFile) problems.push("GATEWAY_TOKENS_FILE is required: a file with one token per line (make one with `openssl rand -hex 32`)");
  const models = (env.GATEWAY_MODELS || env.EMBED_MODEL || DEFAULTS.models.join(",")).split(",").map((m) => m.trim()).filter(Boolean);
  if (models.length === 0) problems.push("GATEWAY_MODELS must name at least one model");
  const config = withDefaults({
    host: env.GATEWAY_HOST || DEFAULTS.host,
    port: integer("GATEWAY_PORT", DEFAULTS.port, 0),
    upstreams,
    tokensFile,
    models,
    burst: integer("GATEWAY_BURST", DEFAULTS.burst, 1),
    refillPerMin: integer("GATEWAY_REFILL_PER_MIN", DEFAULTS.refillPerMin, 1),
    maxBodyBytes: integer("GATEWAY_MAX_BODY_BYTES", DEFAULTS.maxBodyBytes, 1),
    maxInputs: integer("GATEWAY_MAX_INPUTS", DEFAULTS.maxInputs, 1),
    maxInputChars: integer("GATEWAY_MAX_INPUT_CHARS", DEFAULTS.maxInputChars, 1),
    concurrency,
    queueSize: integer("GATEWAY_QUEUE", DEFAULTS.queueSize, 0),
    maxConnections: integer("GATEWAY_MAX_CONNECTIONS", DEFAULTS.maxConnections, 1),
    cacheEntries: integer("GATEWAY_CACHE_ENTRIES", DEFAULTS.cacheEntries, 0),
    metricsHost: env.GATEWAY_METRICS_HOST || DEFAULTS.metricsHost,
    metricsPort: env.GATEWAY_METRICS_PORT ? integer("GATEWAY_METRICS_PORT", 0, 0) : undefined,
    headersTimeoutMs: integer("GATEWAY_HEADERS_TIMEOUT_MS", DEFAULTS.headersTimeoutMs, 1),
    requestTimeoutMs: integer("GATEWAY_REQUEST_TIMEOUT_MS", DEFAULTS.requestTimeoutMs, 1),
    upstreamTimeoutMs: integer("GATEWAY_UPSTREAM_TIMEOUT_MS", DEFAULTS.upstreamTimeoutMs, 1),
    shutdownGraceMs: integer("GATEWAY_SHUTDOWN_GRACE_MS", DEFAULTS.shutdownGraceMs, 0),
    fastPath: onOff("GATEWAY_FAST_PATH", DEFAULTS.fastPath),
  });
  if (config.port > 65535) problems.push(`GATEWAY_PORT must be <= 65535, got ${config.port}`);
  if ((config.metricsPort ?? 0) > 65535) problems.push(`GATEWAY_METRICS_PORT must be <= 65535, got ${config.metricsPort}`);
  if (config.headersTimeoutMs > config.requestTimeoutMs) problems.push("GATEWAY_HEADERS_TIMEOUT_MS must not exceed GATEWAY_REQUEST_TIMEOUT_MS");
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  - ${problems.join("\n  - ")}`);
  return config;
}

/** Reads `OLLAMA_URL`: comma-separated base URLs, each optionally ending in `*N`, its own cap on calls in flight (e.g. `http://gpu.lan:11434*8`). */
function parseUpstreams(list: string, concurrency: number, problems: string[]): UpstreamSpec[] {
  const specs: UpstreamSpec[] = [];
  for (const entry of list.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [, raw, cap] = /^(.*?)(?:\*(\d+))?$/.exec(entry) ?? [];
    try {
      const url = new URL(raw);
      if (!["http:", "https:"].includes(url.protocol)) problems.push(`OLLAMA_URL must list http(s) URLs, got "${raw}"`);
      else if (specs.some((s) => s.url.href === url.href)) problems.push(`OLLAMA_URL lists ${url.host} twice`);
      else if (cap !== undefined && Number(cap) < 1) problems.push(`OLLAMA_URL: the cap of ${url.host} must be >= 1, got *${cap}`);
      else specs.push({ url, concurrency: cap === undefined ? concurrency : Number(cap) });
    } catch {
      problems.push(`OLLAMA_URL holds something that is not a URL: "${raw}"`);
    }
  }
  if (specs.length === 0 && problems.length === 0) problems.push("OLLAMA_URL must name at least one upstream");
  return specs;
}
