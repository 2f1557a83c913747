// Chat under load, loopback only: `next start` (the checkout's production build) against
// the shared fakes (Ollama at 0 ms, the Groq-style LLM), hit by concurrent useChat-shaped
// requests from many client addresses for a fixed time. Stops by itself; every process it
// starts, it stops. `npx tsx scripts/bench/chat-load.ts [--seconds 30] [--clients 50] [--server-node-options "--max-old-space-size=256"]`
import { pathToFileURL } from "node:url";
import { startFakeLlm } from "../../test/fake-llm";
import { startFakeOllama } from "../../test/fake-ollama";
import { BENCH_QUESTIONS, startBenchServer, type BenchServer } from "./lib/bench-server";
import { runChatLoadClients, type LoadSample } from "./lib/chat-load-clients";
import { processTreeRssMb } from "./lib/rss";
import { countBy, formatMs, latencySummary } from "./lib/stats";

/** Clients that share one address: with the site's default limit (20 a minute) they meet 429 within seconds. */
const SHARED_CLIENTS = 5;
const SHARED_ADDRESS = "198.51.100.77";

/** A visitor asks a few questions, then a new visitor (address) comes: under the limit, as real readers are. */
const QUESTIONS_PER_VISITOR = 3;

/** Statuses a healthy chat may answer under load: an answer, or the rate limit. */
const ALLOWED_STATUSES = new Set(["200", "429"]);

/** The load's figures; `ok` is false when a status other than 200/429 appeared or a 200 answer did not finish. */
export interface ChatLoadResult {
  seconds: number;
  clients: number;
  build: string;
  statuses: Record<string, number>;
  requestsPerSecond: number;
  ttfb200: { p50: number; p95: number; p99: number };
  ttfb429: { p50: number; p95: number; p99: number };
  total200: { p50: number; p95: number; p99: number };
  incompleteAnswers: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  ok: boolean;
}

/** Runs `clients` concurrent clients against `next start` for `seconds`, prints the figures and returns them. */
export async function runChatLoad({ seconds = 30, clients = 50, serverNodeOptions, log = console.log }: {
  seconds?: number;
  clients?: number;
  /** NODE_OPTIONS for `next start`, e.g. `--max-old-space-size=256` to tell a leak (it dies) from a lazy GC (it keeps answering). */
  serverNodeOptions?: string;
  log?: (line: string) => void;
} = {}): Promise<ChatLoadResult> {
  const [ollama, llm] = await Promise.all([startFakeOllama(), startFakeLlm()]);
  let server: BenchServer | undefined;
  try {
    server = await startBenchServer({ embedUrl: ollama.url, llmUrl: llm.url, env: serverNodeOptions ? { NODE_OPTIONS: serverNodeOptions } : {}, log });
    const { build } = server;
    const pid = server.child.pid!;
    const rssBeforeMb = processTreeRssMb(pid);
    log(`chat load · ${build} · ${clients} clients (${SHARED_CLIENTS} sharing ${SHARED_ADDRESS}) for ${seconds} s → ${server.url}/api/chat`);
    const samples = await runChatLoadClients({ url: `${server.url}/api/chat`, clients, seconds, sharedClients: SHARED_CLIENTS, sharedAddress: SHARED_ADDRESS, questionsPerVisitor: QUESTIONS_PER_VISITOR, questions: BENCH_QUESTIONS });
    const result = summarize({ samples, seconds, clients, build, rssBeforeMb, rssAfterMb: processTreeRssMb(pid) });
    printResult(result, log);
    if (!result.ok) log(`server output (tail):\n${server.output().slice(-3_000)}`);
    return result;
  } finally {
    server?.close();
    await Promise.all([ollama.close(), llm.close()]);
  }
}

function summarize({ samples, ...rest }: { samples: LoadSample[]; seconds: number; clients: number; build: string; rssBeforeMb: number; rssAfterMb: number }): ChatLoadResult {
  const statuses = countBy(samples.map((s) => s.status));
  const answered = samples.filter((s) => s.status === 200);
  const incompleteAnswers = answered.filter((s) => !s.complete).length;
  return {
    ...rest,
    statuses,
    requestsPerSecond: samples.length / rest.seconds,
    ttfb200: latencySummary(answered.map((s) => s.ttfbMs)),
    ttfb429: latencySummary(samples.filter((s) => s.status === 429).map((s) => s.ttfbMs)),
    total200: latencySummary(answered.map((s) => s.totalMs)),
    incompleteAnswers,
    ok: Object.keys(statuses).every((status) => ALLOWED_STATUSES.has(status)) && incompleteAnswers === 0,
  };
}

function printResult(r: ChatLoadResult, log: (line: string) => void) {
  const triple = (t: { p50: number; p95: number; p99: number }) => `${formatMs(t.p50)} / ${formatMs(t.p95)} / ${formatMs(t.p99)}`;
  const rows: Array<[string, string]> = [
    ["answers by status", Object.entries(r.statuses).map(([s, n]) => `${s}: ${n}`).join(", ")],
    ["requests per second", r.requestsPerSecond.toFixed(1)],
    ["200 time to first byte p50 / p95 / p99", triple(r.ttfb200)],
    ["200 to the end of the stream p50 / p95 / p99", triple(r.total200)],
    ["429 time to first byte p50 / p95 / p99", triple(r.ttfb429)],
    ["200 answers that did not finish", String(r.incompleteAnswers)],
    ["server RSS (process tree) before / after", `${r.rssBeforeMb.toFixed(1)} MB / ${r.rssAfterMb.toFixed(1)} MB`],
    ["verdict", r.ok ? "ok: only 200 and 429, every answer finished" : "FAILED: a status other than 200/429, or an answer that did not finish"],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) log(`  ${k.padEnd(width)}  ${v}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const number = (name: string) => (flag(name) === undefined ? undefined : Number(flag(name)));
  const result = await runChatLoad({ seconds: number("seconds"), clients: number("clients"), serverNodeOptions: flag("server-node-options") });
  if (!result.ok) process.exitCode = 1;
}
