// The command line: `node gateway/dist/gateway.mjs`. Config from the environment,
// SIGHUP re-reads the tokens, SIGTERM/SIGINT drain requests in flight, then exit.
import { loadConfig } from "./config";
import type { GatewayConfig } from "./config";
import { createServer } from "./server";
import type { Gateway } from "./server";

// systemd socket activation hands the listening socket over as fd 3.
const SD_LISTEN_FDS_START = 3;

/** Starts the gateway from process.env; exits 1 with a clear message on bad config. */
export async function main(): Promise<void> {
  let config: GatewayConfig;
  let gateway: Gateway;
  try {
    config = { ...loadConfig(process.env), log: createBatchedLog() };
    gateway = createServer(config);
  } catch (error) {
    return fail(error);
  }
  // Handlers first: a signal that arrives right after the listening line must not kill the process.
  process.on("SIGHUP", () => {
    const result = gateway.reloadTokens();
    if (result.ok) console.log(`tokens reloaded: ${result.count} allowed`);
    else console.error(`tokens NOT reloaded, the previous ones stay in force: ${result.error}`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then exiting`);
    void gateway.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  const activated = process.env.LISTEN_PID === String(process.pid) && Number(process.env.LISTEN_FDS) >= 1;
  const url = await gateway.listen(activated ? { fd: SD_LISTEN_FDS_START } : {}).catch(fail);
  const models = config.models.join(",");
  const upstreams = config.upstreams.map((u) => `${u.url.origin} (cap ${u.concurrency})`).join(", ");
  const cache = config.cacheEntries > 0 ? `cache ${config.cacheEntries} vectors` : "cache off";
  console.log(`embed gateway listening on ${url}${activated ? " (socket activation)" : ""}, upstreams ${upstreams}, models ${models}, ${cache}`);
  if (gateway.metricsUrl) console.log(`metrics on ${gateway.metricsUrl}`);
}

// The access log goes out in batches, not a write per request: a write to a pipe
// (systemd's journal) is a system call that wakes the reader, on the request's path.
const LOG_FLUSH_MS = 200; // a line reaches the journal within a fifth of a second

function createBatchedLog(): (line: string) => void {
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const text = `${lines.join("\n")}\n`;
    lines = [];
    process.stdout.write(text); // synchronous for files and pipes on Linux, so nothing is lost at exit
  };
  setInterval(flush, LOG_FLUSH_MS).unref();
  process.on("exit", flush);
  return (line) => void lines.push(line);
}

function fail(error: unknown): never {
  console.error(`embed gateway: ${(error as Error).message}`);
  process.exit(1);
}

await main();
