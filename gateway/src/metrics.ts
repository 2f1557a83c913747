// The gateway's Prometheus metrics: one prom-client registry (bundled into the one
// file, so the Pi installs nothing), names with the unit as suffix, labels with few values.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Every metric name starts with this. */
export const METRIC_PREFIX = "embed_gateway";

// From a cached answer (~1 ms) to a full 64-chunk batch on the Pi (~96 s).
const DURATION_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
// Powers of two up to the default 64-input limit: the indexer sends 8, a chat query 1.
const INPUT_BUCKETS = [1, 2, 4, 8, 16, 32, 64];

/** The routes as labelled: the three real ones, everything else as `other` (a mistyped path may hold a secret). */
export type RouteLabel = "/api/embed" | "/v1/embeddings" | "/healthz" | "other";

/** The gateway's metrics, all on one registry. */
export type GatewayMetrics = ReturnType<typeof createMetrics>;

/** What the gauges read when scraped, rather than being set on every request. */
export type GaugeSources = { inFlight(): Array<[upstream: string, calls: number]>; waiting(): number; cacheEntries(): number };

/** Creates the registry and every metric on it; `withProcessMetrics` adds Node's own (CPU, memory, event loop). */
export function createMetrics(options: { withProcessMetrics?: boolean } = {}) {
  const registry = new Registry();
  const sources: GaugeSources = { inFlight: () => [], waiting: () => 0, cacheEntries: () => 0 };
  if (options.withProcessMetrics) collectDefaultMetrics({ register: registry });
  const name = (suffix: string) => `${METRIC_PREFIX}_${suffix}`;
  const registers = [registry];
  return {
    registry,
    requests: new Counter({ name: name("requests_total"), help: "Requests answered, by route and HTTP status", labelNames: ["route", "status"] as const, registers }),
    requestDuration: new Histogram({ name: name("request_duration_seconds"), help: "Time from the request's arrival to its answer, by route", labelNames: ["route"] as const, buckets: DURATION_BUCKETS_SECONDS, registers }),
    authFailures: new Counter({ name: name("auth_failures_total"), help: "Requests refused with 401 (missing or unknown bearer token)", registers }),
    rateLimited: new Counter({ name: name("rate_limited_total"), help: "Requests refused with 429 (the token's bucket was empty)", registers }),
    inputsPerRequest: new Histogram({ name: name("inputs_per_request"), help: "Texts in each accepted embed request", buckets: INPUT_BUCKETS, registers }),
    queueWait: new Histogram({ name: name("queue_wait_seconds"), help: "Time an accepted request waited for a free upstream slot", buckets: DURATION_BUCKETS_SECONDS, registers }),
    queueWaiting: new Gauge({ name: name("queue_waiting"), help: "Requests waiting for a free upstream slot now", registers, collect() {
      this.set(sources.waiting());
    } }),
    upstreamUp: new Gauge({ name: name("upstream_up"), help: "1 when the upstream answers and serves every allowed model, else 0", labelNames: ["upstream"] as const, registers }),
    upstreamInFlight: new Gauge({ name: name("upstream_in_flight"), help: "Embed calls in flight to each upstream", labelNames: ["upstream"] as const, registers, collect() {
      for (const [upstream, calls] of sources.inFlight()) this.labels(upstream).set(calls);
    } }),
    upstreamDuration: new Histogram({ name: name("upstream_duration_seconds"), help: "Duration of each embed call to an upstream", labelNames: ["upstream"] as const, buckets: DURATION_BUCKETS_SECONDS, registers }),
    upstreamFailures: new Counter({ name: name("upstream_failures_total"), help: "Embed calls that failed and marked the upstream down, by reason", labelNames: ["upstream", "reason"] as const, registers }),
    retries: new Counter({ name: name("upstream_retries_total"), help: "Requests retried on another upstream after a failure before any byte reached the client", registers }),
    cacheHits: new Counter({ name: name("cache_hits_total"), help: "Inputs answered from the gateway's embedding cache", registers }),
    cacheMisses: new Counter({ name: name("cache_misses_total"), help: "Inputs that had to go upstream (cache on)", registers }),
    cacheEntries: new Gauge({ name: name("cache_entries"), help: "Vectors held in the gateway's embedding cache", registers, collect() {
      this.set(sources.cacheEntries());
    } }),
    /** Where the scrape-time gauges read from; the server fills it in once the pool and cache exist. */
    sources,
  };
}
