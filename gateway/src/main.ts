// The command line: `node gateway/dist/gateway.mjs`. Config from the environment,
// SIGHUP re-reads the tokens, SIGTERM/SIGINT drain requests in flight, then exit.
import { loadConfig } from "./config";
import { createServer } from "./server";
import type { Gateway } from "./server";

// systemd socket activation hands the listening socket over as fd 3.
const SD_LISTEN_FDS_START = 3;

/** Starts the gateway from process.env; exits 1 with a clear message on bad config. */
export async function main(): Promise<void> {
  let gateway: Gateway;
  const config = (() => {
    try {
      return loadConfig(process.env);
    } catch (error) {
      return fail(error);
    }
  })();
  try {
    gateway = createServer(config);
  } catch (error) {
    return fail(error);
  }
  const activated = process.env.LISTEN_PID === String(process.pid) && Number(process.env.LISTEN_FDS) >= 1;
  const url = await gateway.listen(activated ? { fd: SD_LISTEN_FDS_START } : {}).catch(fail);
  const models = config.models.join(",");
  console.log(`embed gateway listening on ${url}${activated ? " (socket activation)" : ""}, upstream ${config.ollamaUrl.origin}, models ${models}`);

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
}

function fail(error: unknown): never {
  console.error(`embed gateway: ${(error as Error).message}`);
  process.exit(1);
}

await main();
