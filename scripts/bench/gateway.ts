// Gateway benchmark, loopback only: the built gateway as a real process in front of the
// shared fake Ollama, beside the seed's Python proxy design and a direct call, in one run.
// `npx tsx scripts/bench/gateway.ts [--load-seconds 10]`.
import { Agent, request } from "node:http";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { startFakeOllama } from "../../test/fake-ollama";
import type { FakeOllama } from "../../test/fake-ollama";
import { startGateway, startPythonProxy, stopProxy } from "./lib/proxy-process";
import { processTreeRssMb } from "./lib/rss";
import { percentile } from "./lib/stats";

const TOKEN = "bench-token-0123456789abcdef0123456789abcdef";
const SEQUENTIAL_REQUESTS = 2_000; // enough for a stable p99 in a few seconds
const WARM_UP_REQUESTS = 200; // untimed: the JIT and both connections settle first
const MEMORY_REQUESTS = 10_000; // enough to show a leak if there is one
const UNAUTHORIZED_SECONDS = 1;
const UNAUTHORIZED_ROUNDS = 3; // 3 s of bad tokens per proxy, in turns
const LOAD_CLIENTS = 200;
const LOAD_CONCURRENCY_CAP = 2; // the gateway's default cap on upstream calls
const LOAD_UPSTREAM_DELAY_MS = 25; // a stand-in for the Pi's work, so the cap and queue matter
// The speed figures compare proxy overhead only: the gateway's cache would answer from memory.
const NO_CACHE = { GATEWAY_CACHE_ENTRIES: "0" };
const BODY = JSON.stringify({ model: "bge-m3", input: "what kind of ML work have you done?" });

/** Every figure the benchmark measured. */
export type GatewayBenchResult = {
  latency: { directP50Ms: number; directP99Ms: number; gatewayP50Ms: number; gatewayP99Ms: number; pythonP50Ms: number; pythonP99Ms: number; p50Ratio: number; p99Ratio: number; addedP50Ms: number; pythonAddedP50Ms: number };
  unauthorizedPerSecond: number;
  pythonUnauthorizedPerSecond: number;
  rssAfter10kRequestsMb: number;
  load: { seconds: number; clients: number; statuses: Record<string, number>; ttfbP50Ms: number; ttfbP95Ms: number; ttfbP99Ms: number; rssBeforeMb: number; rssAfterMb: number; maxUpstreamConcurrent: number; cap: number };
};

type Timed = { status: number; totalMs: number };

function timedPost(agent: Agent, url: string, token?: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = { "content-type": "application/json", "content-length": String(Buffer.byteLength(BODY)) };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = request(url, { method: "POST", agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, totalMs: performance.now() - started }));
    });
    req.on("error", reject);
    req.end(BODY);
  });
}

// The load clients run in a worker thread: sharing the event loop with the fake
// Ollama would slow the fake's timers and understate what the gateway passes.
const CLIENTS_JS = `
const { workerData, parentPort } = require("node:worker_threads");
const { Agent, request } = require("node:http");
const { url, token, clients, seconds, count, body } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const deadline = performance.now() + seconds * 1000;
let sent = 0;
const more = () => (count ? sent++ < count : performance.now() < deadline);
const statuses = [], ttfbs = [];
const once = () => new Promise((resolve) => {
  const started = performance.now();
  const req = request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: "Bearer " + token } }, (res) => {
    statuses.push(res.statusCode); ttfbs.push(performance.now() - started);
    res.resume(); res.on("end", resolve); res.on("error", resolve);
  });
  req.on("error", () => { statuses.push(0); ttfbs.push(performance.now() - started); resolve(); });
  req.end(body);
});
Promise.all(Array.from({ length: clients }, async () => { while (more()) await once(); }))
  .then(() => { agent.destroy(); parentPort.postMessage({ statuses, ttfbs }); });
`;

type ClientRun = { url: string; token: string; clients: number; seconds?: number; count?: number };

/** Runs `clients` request loops in a worker, for `seconds` or `count` requests in all; bounded either way. */
function runClients(run: ClientRun): Promise<{ statuses: number[]; ttfbs: number[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENTS_JS, { eval: true, workerData: { seconds: 0, count: 0, body: BODY, ...run } });
    worker.once("message", (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

async function measureLatency(fake: FakeOllama, gatewayUrl: string, pythonUrl: string, agent: Agent) {
  const direct: number[] = [];
  const through: number[] = [];
  const python: number[] = [];
  // Untimed first calls: connections opened, both proxies' code paths warm.
  for (let i = 0; i < WARM_UP_REQUESTS; i++) {
    await timedPost(agent, `${gatewayUrl}/api/embed`, TOKEN);
    await timedPost(agent, `${pythonUrl}/api/embed`, TOKEN);
  }
  // Take turns so drift (GC, CPU frequency, the other helpers' load) hits all three equally;
  // the two proxies swap places each round, so neither always runs right after the other's
  // answer (while that process may still be logging or collecting garbage).
  for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
    direct.push((await timedPost(agent, `${fake.url}/api/embed`)).totalMs);
    if (i % 2 === 0) through.push((await timedPost(agent, `${gatewayUrl}/api/embed`, TOKEN)).totalMs);
    python.push((await timedPost(agent, `${pythonUrl}/api/embed`, TOKEN)).totalMs);
    if (i % 2 === 1) through.push((await timedPost(agent, `${gatewayUrl}/api/embed`, TOKEN)).totalMs);
  }
  const [d50, d99, g50, g99, p50, p99] = [direct, through, python].flatMap((xs) => [percentile(xs, 50), percentile(xs, 99)]);
  return { directP50Ms: d50, directP99Ms: d99, gatewayP50Ms: g50, gatewayP99Ms: g99, pythonP50Ms: p50, pythonP99Ms: p99, p50Ratio: g50 / d50, p99Ratio: g99 / d99, addedP50Ms: g50 - d50, pythonAddedP50Ms: p50 - d50 };
}

async function countUnauthorized(url: string): Promise<number> {
  const denied = await runClients({ url: `${url}/api/embed`, token: "wrong-token-wrong-token", clients: 50, seconds: UNAUTHORIZED_SECONDS });
  return denied.statuses.filter((status) => status === 401).length / UNAUTHORIZED_SECONDS;
}

/** Measures the gateway against the fake Ollama and prints the figures as tables. */
export async function runGatewayBench(options: { loadSeconds?: number; log?: (line: string) => void } = {}): Promise<GatewayBenchResult> {
  const log = options.log ?? console.log;
  const loadSeconds = options.loadSeconds ?? 10;
  const fake = await startFakeOllama();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const gateway = await startGateway(fake.url, TOKEN, NO_CACHE);
    const python = await startPythonProxy(fake.url, TOKEN);
    const latency = await measureLatency(fake, gateway.url, python.url, agent);
    // Rounds taking turns, so a burst of load from elsewhere on the machine hits both.
    let [unauthorizedPerSecond, pythonUnauthorizedPerSecond] = [0, 0];
    for (let round = 0; round < UNAUTHORIZED_ROUNDS; round++) {
      unauthorizedPerSecond += (await countUnauthorized(gateway.url)) / UNAUTHORIZED_ROUNDS;
      pythonUnauthorizedPerSecond += (await countUnauthorized(python.url)) / UNAUTHORIZED_ROUNDS;
    }
    await stopProxy(python);

    await runClients({ url: `${gateway.url}/api/embed`, token: TOKEN, clients: 10, count: MEMORY_REQUESTS });
    const rssAfter10kRequestsMb = processTreeRssMb(gateway.child.pid as number);
    await stopProxy(gateway);

    fake.reset();
    fake.setDelay(LOAD_UPSTREAM_DELAY_MS);
    const loaded = await startGateway(fake.url, TOKEN, { ...NO_CACHE, GATEWAY_CONCURRENCY: String(LOAD_CONCURRENCY_CAP) });
    const rssBeforeMb = processTreeRssMb(loaded.child.pid as number);
    const results = await runClients({ url: `${loaded.url}/api/embed`, token: TOKEN, clients: LOAD_CLIENTS, seconds: loadSeconds });
    const rssAfterMb = processTreeRssMb(loaded.child.pid as number);
    await stopProxy(loaded);
    const statuses: Record<string, number> = {};
    for (const status of results.statuses) statuses[status] = (statuses[status] ?? 0) + 1;
    const ttfb = results.ttfbs;
    const load = {
      seconds: loadSeconds,
      clients: LOAD_CLIENTS,
      statuses,
      ttfbP50Ms: percentile(ttfb, 50),
      ttfbP95Ms: percentile(ttfb, 95),
      ttfbP99Ms: percentile(ttfb, 99),
      rssBeforeMb,
      rssAfterMb,
      maxUpstreamConcurrent: fake.maxConcurrent,
      cap: LOAD_CONCURRENCY_CAP,
    };
    const result = { latency, unauthorizedPerSecond, pythonUnauthorizedPerSecond, rssAfter10kRequestsMb, load };
    printTables(result, log);
    return result;
  } finally {
    agent.destroy();
    await fake.close();
  }
}

function printTables(r: GatewayBenchResult, log: (line: string) => void) {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const table = (title: string, rows: Array<[string, string]>) => {
    const width = Math.max(...rows.map(([k]) => k.length));
    log(`\n${title}`);
    for (const [k, v] of rows) log(`  ${k.padEnd(width)}  ${v}`);
  };
  const pct = (ours: number, theirs: number) => `${(((theirs - ours) / theirs) * 100).toFixed(0)}%`;
  table(`Gateway latency, ${SEQUENTIAL_REQUESTS} sequential POST /api/embed each, taking turns, proxies swapping places (1,024-dim vector, gateway cache off)`, [
    ["direct to fake      p50 / p99", `${ms(r.latency.directP50Ms)} / ${ms(r.latency.directP99Ms)}`],
    ["via gateway         p50 / p99", `${ms(r.latency.gatewayP50Ms)} / ${ms(r.latency.gatewayP99Ms)}`],
    ["via Python proxy    p50 / p99", `${ms(r.latency.pythonP50Ms)} / ${ms(r.latency.pythonP99Ms)}`],
    ["gateway ratio       p50 / p99", `${r.latency.p50Ratio.toFixed(2)}x / ${r.latency.p99Ratio.toFixed(2)}x`],
    ["added at p50: gateway / Python", `${ms(r.latency.addedP50Ms)} / ${ms(r.latency.pythonAddedP50Ms)} (gateway ${pct(r.latency.addedP50Ms, r.latency.pythonAddedP50Ms)} below; goal >= 20%)`],
    ["401 answers per second, 50 clients: gateway / Python", `${r.unauthorizedPerSecond.toFixed(0)} / ${r.pythonUnauthorizedPerSecond.toFixed(0)} (gateway ${((r.unauthorizedPerSecond / r.pythonUnauthorizedPerSecond - 1) * 100).toFixed(0)}% above; goal >= 20%)`],
    [`gateway RSS after ${MEMORY_REQUESTS} requests`, `${r.rssAfter10kRequestsMb.toFixed(1)} MB`],
  ]);
  const l = r.load;
  table(`Gateway under load: ${l.clients} clients for ${l.seconds} s, upstream ${LOAD_UPSTREAM_DELAY_MS} ms per call, cap ${l.cap}`, [
    ["answers by status", Object.entries(l.statuses).map(([s, n]) => `${s}: ${n}`).join(", ")],
    ["time to first byte p50 / p95 / p99", `${ms(l.ttfbP50Ms)} / ${ms(l.ttfbP95Ms)} / ${ms(l.ttfbP99Ms)}`],
    ["RSS before / after", `${l.rssBeforeMb.toFixed(1)} MB / ${l.rssAfterMb.toFixed(1)} MB`],
    ["max concurrent upstream calls", `${l.maxUpstreamConcurrent} (cap ${l.cap}: ${l.maxUpstreamConcurrent <= l.cap ? "ok" : "EXCEEDED"})`],
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf("--load-seconds");
  const result = await runGatewayBench({ loadSeconds: flag >= 0 ? Number(process.argv[flag + 1]) : undefined });
  if (result.load.maxUpstreamConcurrent > result.load.cap) process.exitCode = 1;
}
