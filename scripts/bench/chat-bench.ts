// Chat benchmark: `next start` (the checkout's build, as in the load bench) against
// zero-latency fakes (Ollama, Groq-compatible chat), time to first byte and to the end
// of the stream, p50/p95 over REQUESTS sequential
// requests, and the share spent in retrieval (the route's `Server-Timing`). Then the same
// with the fake embedder slowed to the Pi's 310 ms, down (refused), and hanging (the
// circuit breaker's effect). Loopback only; every process it starts, it stops.
//   npx tsx scripts/bench/chat-bench.ts [--requests 200]
import { pathToFileURL } from "node:url";
import { startFakeLlm } from "../../test/fake-llm";
import { startFakeOllama } from "../../test/fake-ollama";
import { BENCH_QUESTIONS, startBenchServer, type BenchServer } from "./lib/bench-server";
import { percentile } from "./lib/stats";

/** Requests per scenario: enough for a stable p95 (10 samples above it). */
const BENCH_REQUESTS = 200;

/** The Pi's warm query-embedding time, from the design notes. */
const PI_EMBED_MS = 310;

/** Every request comes from one address: a limit this high never answers 429 here. */
const NO_RATE_LIMIT = "1000000";

/** One scenario's figures, in milliseconds. */
export interface ScenarioResult {
  scenario: string;
  requests: number;
  ttfb: { p50: number; p95: number; max: number };
  total: { p50: number; p95: number; max: number };
  retrieval: { p50: number; p95: number };
  retrievalShare: number;
  hybridShare: number;
}

const summary = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100) });

async function timeOne(baseUrl: string, question: string) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: "bench", messages: [{ id: "m", role: "user", parts: [{ type: "text", text: question }] }] }),
  });
  if (!response.ok || !response.body) throw new Error(`chat answered ${response.status}`);
  const reader = response.body.getReader();
  let ttfb = 0;
  let body = "";
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    ttfb ||= performance.now() - started;
    body += decoder.decode(value, { stream: true });
  }
  const retrieval = Number(/retrieval;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? 0);
  return { ttfb, total: performance.now() - started, retrieval, hybrid: body.includes('"retrieval":"hybrid"') };
}

async function runScenario(baseUrl: string, scenario: string, requests: number): Promise<ScenarioResult> {
  const samples: Array<Awaited<ReturnType<typeof timeOne>>> = [];
  for (let i = 0; i < requests; i++) samples.push(await timeOne(baseUrl, `${BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]} (${scenario} #${i})`));
  const sum = (pick: (s: (typeof samples)[number]) => number) => samples.reduce((a, s) => a + pick(s), 0);
  return {
    scenario,
    requests,
    ttfb: summary(samples.map((s) => s.ttfb)),
    total: summary(samples.map((s) => s.total)),
    retrieval: { p50: percentile(samples.map((s) => s.retrieval), 50), p95: percentile(samples.map((s) => s.retrieval), 95) },
    retrievalShare: Number((sum((s) => s.retrieval) / sum((s) => s.total)).toFixed(3)),
    hybridShare: samples.filter((s) => s.hybrid).length / samples.length,
  };
}

/** Builds (or reuses) the site, starts the fakes and `next start`, runs every scenario, stops everything. */
export async function runChatBench({ requests = BENCH_REQUESTS, log = console.log }: { requests?: number; log?: (line: string) => void } = {}): Promise<ScenarioResult[]> {
  const [ollama, llm] = await Promise.all([startFakeOllama(), startFakeLlm()]);
  let server: BenchServer | undefined;
  try {
    server = await startBenchServer({ embedUrl: ollama.url, llmUrl: llm.url, env: { CHAT_RATE_LIMIT_PER_MIN: NO_RATE_LIMIT }, log });
    const baseUrl = server.url;
    log(`chat bench · ${server.build}`);
    await runScenario(baseUrl, "warm-up", 20);
    const results = [await runScenario(baseUrl, "embed 0 ms", requests)];
    ollama.setDelay(PI_EMBED_MS);
    results.push(await runScenario(baseUrl, `embed ${PI_EMBED_MS} ms (Pi)`, requests));
    ollama.hang();
    results.push(await runScenario(baseUrl, "embed hanging (breaker)", requests));
    ollama.reset();
    await ollama.goDown();
    results.push(await runScenario(baseUrl, "embed down", requests));
    return results;
  } finally {
    server?.close();
    await Promise.all([llm.close(), ollama.close()]);
  }
}

/** The results as a Markdown table. */
export function formatChatBench(results: ScenarioResult[]): string {
  const f = (ms: number) => ms.toFixed(1);
  const rows = results.map((r) => `| ${r.scenario} | ${r.requests} | ${f(r.ttfb.p50)} / ${f(r.ttfb.p95)} / ${f(r.ttfb.max)} | ${f(r.total.p50)} / ${f(r.total.p95)} | ${f(r.retrieval.p50)} / ${f(r.retrieval.p95)} | ${(r.retrievalShare * 100).toFixed(1)}% | ${(r.hybridShare * 100).toFixed(0)}% |`);
  return ["| scenario | n | TTFB p50 / p95 / max (ms) | end p50 / p95 (ms) | retrieval p50 / p95 (ms) | retrieval share | hybrid |", "|---|---|---|---|---|---|---|", ...rows].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const results = await runChatBench({ requests: Number(flag("requests") ?? BENCH_REQUESTS) });
  console.log(formatChatBench(results));
}
