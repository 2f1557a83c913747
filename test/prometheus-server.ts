// Starts a real Prometheus (Debian's `prometheus` package) on a free loopback port for one
// test file, scraping the given targets every 200 ms into a throwaway TSDB, and stops it.
// Never touches a system service: the process, its config and its data are the test's.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port";
import { stopProcess } from "./stop-process";

const SCRAPE_INTERVAL = "200ms"; // short, so a test sees a new value within a second
const STOP_GRACE_MS = 5_000; // a hang guard: Prometheus closes its throwaway TSDB in well under a second
const READY_TIMEOUT_MS = 20_000; // Prometheus replays an empty WAL and opens in ~1 s here; 2 noisy cores

/** A running Prometheus owned by the test. */
export type TestPrometheus = {
  url: string;
  /** Runs an instant PromQL query and returns each series' labels and value. */
  query(promql: string): Promise<Array<{ labels: Record<string, string>; value: number }>>;
  stop(): Promise<void>;
};

/** The binary: `PROMETHEUS_BIN`, else Debian's `/usr/bin/prometheus`. */
function prometheusBinary(): string {
  return process.env.PROMETHEUS_BIN ?? "/usr/bin/prometheus";
}

/** Starts Prometheus scraping `targets` (`host:port`, path /metrics); fails with the install command when the binary is missing. */
export async function startTestPrometheus(targets: string[]): Promise<TestPrometheus> {
  const binary = prometheusBinary();
  if (!existsSync(binary)) throw new Error(`Prometheus not found at ${binary}: install it with \`apt-get install -y prometheus\` (or set PROMETHEUS_BIN)`);
  const dir = mkdtempSync(join(tmpdir(), "prometheus-test-"));
  const config = join(dir, "prometheus.yml");
  writeFileSync(config, `global:\n  scrape_interval: ${SCRAPE_INTERVAL}\n  scrape_timeout: ${SCRAPE_INTERVAL}\nscrape_configs:\n  - job_name: test\n    static_configs:\n      - targets: ${JSON.stringify(targets)}\n`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=warn"];
  const child: ChildProcess = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const stop = async () => {
    await stopProcess(child, STOP_GRACE_MS);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while ((await fetch(`${url}/-/ready`).then((r) => r.ok, () => false)) === false) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Prometheus did not become ready on ${url}:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async query(promql) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await res.json()) as { status: string; data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> }; error?: string };
      if (body.status !== "success" || !body.data) throw new Error(`Prometheus query ${promql} failed: ${body.error}`);
      return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
    },
    stop,
  };
}
