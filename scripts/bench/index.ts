// `npm run bench [-- --only index,gateway,chat,load] [--quick]`: every benchmark in
// order, each under a heading, then one summary table. Loopback only and bounded: each
// part stops by itself and stops every process it started. See docs/bench.md.
import { formatChatBench, runChatBench } from "./chat-bench";
import { runChatLoad } from "./chat-load";
import { runGatewayBench } from "./gateway";
import { runIndexBench } from "./index-bench";
import { formatMs } from "./lib/stats";

/** The parts in the order they run. */
const PARTS = ["index", "gateway", "chat", "load"] as const;
type Part = (typeof PARTS)[number];

/** Durations of a full run and of a `--quick` smoke run (same code paths, fewer samples). */
const DURATIONS = {
  full: { gatewayLoadSeconds: 10, chatRequests: 200, loadSeconds: 30, loadClients: 50 },
  quick: { gatewayLoadSeconds: 2, chatRequests: 20, loadSeconds: 5, loadClients: 20 },
};

const TITLES: Record<Part, string> = {
  index: "Index: cold, warm and one-edit builds against the Pi-paced fake; retrieval latency",
  gateway: "Gateway: added latency, 401 rate, memory, and 200 clients under load",
  chat: "Chat: TTFB over sequential requests with the embedder at 0 ms, 310 ms, hanging and down",
  load: "Chat under load: concurrent clients against next start",
};

/** One line of the summary table. */
interface PartOutcome {
  part: Part;
  status: "ok" | "FAILED" | "skipped";
  seconds: number;
  figures: string;
}

type Durations = (typeof DURATIONS)["full"];

/** Runs one part and condenses its result to a summary line; `ok: false` marks a run whose figures break a promise (e.g. a 500 under load). */
async function runPart(part: Part, d: Durations, log: (line: string) => void): Promise<{ ok: boolean; figures: string }> {
  if (part === "index") {
    const r = await runIndexBench({ log });
    return { ok: true, figures: `cold ${r.cold.inputs} texts in ${r.cold.requests} requests · warm ${r.warm.inputs} texts · one edit ${r.edit.inputs} text(s) · retrieval p50 ${formatMs(r.sample.p50)}, 10k chunks p50 ${formatMs(r.synthetic.p50)} (p95 ${formatMs(r.synthetic.p95)}), 50k chunks p50 ${formatMs(r.large.p50)} (p95 ${formatMs(r.large.p95)})` };
  }
  if (part === "gateway") {
    const r = await runGatewayBench({ loadSeconds: d.gatewayLoadSeconds, log });
    const ok = r.load.maxUpstreamConcurrent <= r.load.cap;
    return { ok, figures: `+${r.latency.addedP50Ms.toFixed(2)} ms at p50 (Python +${r.latency.pythonAddedP50Ms.toFixed(2)} ms, ${belowPercent(r.latency.addedP50Ms, r.latency.pythonAddedP50Ms)}% below) · ${r.unauthorizedPerSecond.toFixed(0)} 401/s (Python ${r.pythonUnauthorizedPerSecond.toFixed(0)}) · load ${statusList(r.load.statuses)}, TTFB p99 ${formatMs(r.load.ttfbP99Ms)}` };
  }
  if (part === "chat") {
    const results = await runChatBench({ requests: d.chatRequests, log });
    log(formatChatBench(results));
    return { ok: true, figures: results.map((r) => `${r.scenario}: TTFB p50 ${formatMs(r.ttfb.p50)}`).join(" · ") };
  }
  const r = await runChatLoad({ seconds: d.loadSeconds, clients: d.loadClients, log });
  return { ok: r.ok, figures: `${r.clients} clients × ${r.seconds} s · ${statusList(r.statuses)} · 200 TTFB p50/p95/p99 ${formatMs(r.ttfb200.p50)} / ${formatMs(r.ttfb200.p95)} / ${formatMs(r.ttfb200.p99)} · RSS ${r.rssBeforeMb.toFixed(0)} → ${r.rssAfterMb.toFixed(0)} MB` };
}

// How far below Python's added latency the gateway's is, in percent (the #14 goal is 20).
const belowPercent = (ours: number, python: number) => (((python - ours) / python) * 100).toFixed(0);

const statusList = (statuses: Record<string, number>) => Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(" ");

function parseArgs(argv: string[]): { parts: Part[]; quick: boolean } {
  const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] ?? "" : PARTS.join(",");
  const parts = only.split(",").map((p) => p.trim()).filter(Boolean);
  const unknown = parts.filter((p) => !PARTS.includes(p as Part));
  if (unknown.length > 0) throw new Error(`unknown bench part(s): ${unknown.join(", ")}; choose from ${PARTS.join(", ")}`);
  return { parts: PARTS.filter((p) => parts.includes(p)), quick: argv.includes("--quick") };
}

/** Runs the selected parts in order and prints the summary; resolves to false when any part failed. */
async function runBench({ parts, quick, log = console.log }: { parts: Part[]; quick: boolean; log?: (line: string) => void }): Promise<boolean> {
  const durations = quick ? DURATIONS.quick : DURATIONS.full;
  const outcomes: PartOutcome[] = [];
  for (const part of PARTS) {
    if (!parts.includes(part)) continue;
    log(`\n## ${TITLES[part]}${quick ? " (--quick)" : ""}\n`);
    const started = performance.now();
    try {
      const { ok, figures } = await runPart(part, durations, log);
      outcomes.push({ part, status: ok ? "ok" : "FAILED", seconds: (performance.now() - started) / 1000, figures });
    } catch (error) {
      log(`${part}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      outcomes.push({ part, status: "FAILED", seconds: (performance.now() - started) / 1000, figures: error instanceof Error ? error.message.split("\n")[0]! : String(error) });
    }
  }
  log(`\n## Summary${quick ? " (--quick: smoke figures, not for the README)" : ""}\n`);
  log("| part | status | wall | figures |\n|---|---|---|---|");
  for (const o of outcomes) log(`| ${o.part} | ${o.status} | ${o.seconds.toFixed(0)} s | ${o.figures} |`);
  return outcomes.every((o) => o.status !== "FAILED");
}

const ok = await runBench(parseArgs(process.argv.slice(2)));
// The fakes and servers are closed; a lingering keep-alive socket must not keep the process up.
process.exit(ok ? 0 : 1);
