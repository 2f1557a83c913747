// The gateway's Prometheus metrics: one prom-client registry (bundled into the one
// file, so the Pi installs nothing), names with the unit as suffix, labels with few values.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Every metric name starts with this. */
const METRIC_PREFIX = "embed_gateway";

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

// Observations wait in plain arrays until a scrape (or until this many are pending, so
// memory stays bounded when nobody scrapes): prom-client's label hashing and bucket search
// then run in one batch, off the request's path.
const MAX_PENDING_OBSERVATIONS = 4_096;

/** Values for one histogram (with at most one label), pending until the next scrape. */
class PendingObservations {
  private labels: string[] = [];
  private values: number[] = [];
  private target: Histogram<string> | undefined;
  private labelled = false;

  /** Queues one observation; `label` is ignored by a histogram without labels. */
  add(label: string, value: number): void {
    this.labels.push(label);
    this.values.push(value);
    if (this.values.length >= MAX_PENDING_OBSERVATIONS) this.flush();
  }

  /** Names the histogram the values go to; called once it exists. */
  bind(histogram: Histogram<string>, labelled: boolean): void {
    this.target = histogram;
    this.labelled = labelled;
  }

  /** Moves every pending value into the histogram. */
  flush(): void {
    const { labels, values, target, labelled } = this;
    if (!target) return;
    for (let i = 0; i < values.length; i++) {
      if (labelled) target.labels(labels[i]).observe(values[i]);
      else target.observe(values[i]);
    }
    this.labels = [];
    this.values = [];
  }
}

/** Creates the registry and every metric on it; `withProcessMetrics` adds Node's own (CPU, memory, event loop). */
export function createMetrics(options: { withProcessMetrics?: boolean } = {}) {
  const registry = new Registry();
  const sources: GaugeSources = { inFlight: () => [], waiting: () => 0, cacheEntries: () => 0 };
  if (options.withProcessMetrics) collectDefaultMetrics({ register: registry });
  const name = (suffix: string) => `${METRIC_PREFIX}_${suffix}`;
  const registers = [registry];
  // Request-path tallies: plain numbers, added to the counters when scraped.
  const answered = new Map<string, number>(); // "route status" → requests
  const cache = { hits: 0, misses: 0 };
  const fastPath = { served: 0, handedOff: 0 }; // running totals (tests read them too)
  const [durations, inputs, waits, upstreamTimes] = [0, 1, 2, 3].map(() => new PendingObservations());
  const histogram = (pending: PendingObservations, config: { name: string; help: string; buckets: number[]; labelNames?: readonly string[] }) => {
    const metric = new Histogram({ ...config, registers, collect: () => pending.flush() });
    pending.bind(metric, config.labelNames !== undefined);
    return metric;
  };
  return {
    registry,
    /** One answered request: its route, status and time from arrival to answer. */
    recordRequest(route: RouteLabel, status: number, seconds: number): void {
      const key = `${route} ${status}`;
      answered.set(key, (answered.get(key) ?? 0) + 1);
      durations.add(route, seconds);
    },
    /** One accepted embed request: its input count and how many were answered from the cache. */
    recordEmbed(inputCount: number, cacheHits: number, cacheMisses: number): void {
      inputs.add("", inputCount);
      cache.hits += cacheHits;
      cache.misses += cacheMisses;
    },
    /** One upstream call: its wait for a slot and its duration. */
    recordUpstreamCall(upstream: string, waitSeconds: number, seconds: number): void {
      waits.add("", waitSeconds);
      upstreamTimes.add(upstream, seconds);
    },
    requests: new Counter({ name: name("requests_total"), help: "Requests answered, by route and HTTP status", labelNames: ["route", "status"] as const, registers, collect() {
      for (const [key, count] of answered) {
        const space = key.lastIndexOf(" ");
        this.labels(key.slice(0, space), key.slice(space + 1)).inc(count);
      }
      answered.clear();
    } }),
    requestDuration: histogram(durations, { name: name("request_duration_seconds"), help: "Time from the request's arrival to its answer, by route", labelNames: ["route"], buckets: DURATION_BUCKETS_SECONDS }),
    authFailures: new Counter({ name: name("auth_failures_total"), help: "Requests refused with 401 (missing or unknown bearer token)", registers }),
    rateLimited: new Counter({ name: name("rate_limited_total"), help: "Requests refused with 429 (the token's bucket was empty)", registers }),
    inputsPerRequest: histogram(inputs, { name: name("inputs_per_request"), help: "Texts in each accepted embed request", buckets: INPUT_BUCKETS }),
    queueWait: histogram(waits, { name: name("queue_wait_seconds"), help: "Time an accepted request waited for a free upstream slot", buckets: DURATION_BUCKETS_SECONDS }),
    queueWaiting: new Gauge({ name: name("queue_waiting"), help: "Requests waiting for a free upstream slot now", registers, collect() {
      this.set(sources.waiting());
    } }),
    upstreamUp: new Gauge({ name: name("upstream_up"), help: "1 when the upstream answers and serves every allowed model, else 0", labelNames: ["upstream"] as const, registers }),
    upstreamInFlight: new Gauge({ name: name("upstream_in_flight"), help: "Embed calls in flight to each upstream", labelNames: ["upstream"] as const, registers, collect() {
      for (const [upstream, calls] of sources.inFlight()) this.labels(upstream).set(calls);
    } }),
    upstreamDuration: histogram(upstreamTimes, { name: name("upstream_duration_seconds"), help: "Duration of each embed call to an upstream", labelNames: ["upstream"], buckets: DURATION_BUCKETS_SECONDS }),
    upstreamFailures: new Counter({ name: name("upstream_failures_total"), help: "Embed calls that failed and marked the upstream down, by reason", labelNames: ["upstream", "reason"] as const, registers }),
    retries: new Counter({ name: name("upstream_retries_total"), help: "Requests retried on another upstream after a failure before any byte reached the client", registers }),
    cacheHits: new Counter({ name: name("cache_hits_total"), help: "Inputs answered from the gateway's embedding cache", registers, collect() {
      this.inc(cache.hits);
      cache.hits = 0;
    } }),
    cacheMisses: new Counter({ name: name("cache_misses_total"), help: "Inputs that had to go upstream (cache on)", registers, collect() {
      this.inc(cache.misses);
      cache.misses = 0;
    } }),
    cacheEntries: new Gauge({ name: name("cache_entries"), help: "Vectors held in the gateway's embedding cache", registers, collect() {
      this.set(sources.cacheEntries());
    } }),
    /** Requests the raw-socket fast path served, and connections it handed to node:http: running totals. */
    fastPath,
    fastPathRequests: new Counter({ name: name("fast_path_requests_total"), help: "Embed requests served on the raw-socket fast path (the rest go through node:http)", registers, collect() {
      this.reset(); // the running total is the counter's value
      this.inc(fastPath.served);
    } }),
    fastPathHandOffs: new Counter({ name: name("fast_path_handoffs_total"), help: "Connections the fast path handed to node:http (any request it does not take whole)", registers, collect() {
      this.reset();
      this.inc(fastPath.handedOff);
    } }),
    /** Where the scrape-time gauges read from; the server fills it in once the pool and cache exist. */
    sources,
  };
}
