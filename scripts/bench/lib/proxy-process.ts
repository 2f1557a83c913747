// The two proxies the gateway benchmark compares, each as a real process in front of the
// fake Ollama: the built gateway, and the seed's Python design (scripts/bench/python-proxy.py).
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gatewayLaunch, writePrivateTokens } from "../../../test/gateway-process";
import { stopProcess } from "../../../test/stop-process";

const PYTHON_PROXY = fileURLToPath(new URL("../python-proxy.py", import.meta.url));

/** A proxy process and the base URL it listens on. */
export type ProxyProcess = { child: ChildProcess; url: string };

/** How often the proxy's output file is read while waiting for its "listening" line. */
const LISTEN_POLL_MS = 20;

/**
 * Spawns a proxy with its stdout going to a file, not a pipe: the benchmark's own process
 * times the requests, so it must not also wake up to read each access-log line of one
 * proxy (the gateway logs every request; the Python design logs nothing). The file is
 * read only until the "listening" line shows.
 */
function spawnListening(command: string, args: string[], env: Record<string, string>, onExit: () => void): Promise<ProxyProcess> {
  const dir = mkdtempSync(join(tmpdir(), "proxy-out-"));
  const outFile = join(dir, "stdout");
  const out = openSync(outFile, "w");
  const child = spawn(command, args, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", out, "inherit"] });
  closeSync(out);
  child.once("exit", () => {
    rmSync(dir, { recursive: true, force: true });
    onExit();
  });
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(readFileSync(outFile, "utf8"));
      if (!match) return;
      clearInterval(poll);
      resolve({ child, url: match[0] });
    }, LISTEN_POLL_MS);
    child.once("error", (error) => (clearInterval(poll), reject(new Error(`${command} did not start: ${error.message}`))));
    child.once("exit", (code) => (clearInterval(poll), reject(new Error(`${command} exited with ${code} before listening`))));
  });
}

/** Starts `node gateway/dist/gateway.mjs` on a free port in front of `upstreamUrl`, with a huge bucket and `env` on top. */
export function startGateway(upstreamUrl: string, token: string, env: Record<string, string>): Promise<ProxyProcess> {
  const launch = gatewayLaunch({ ollamaUrl: upstreamUrl, token, env: { GATEWAY_BURST: "1000000000", ...env } });
  return spawnListening(launch.command, launch.args, launch.env, launch.removeTokens);
}

/** Starts the Python reference proxy with the machine's `python3`. */
export function startPythonProxy(upstreamUrl: string, token: string): Promise<ProxyProcess> {
  const tokens = writePrivateTokens(token);
  return spawnListening("python3", [PYTHON_PROXY, upstreamUrl, tokens.file], { PATH: process.env.PATH ?? "" }, tokens.remove);
}

/** SIGTERM (SIGKILL if it lingers past the gateway's drain), then waits for the exit. */
export function stopProxy(proxy: ProxyProcess): Promise<void> {
  return stopProcess(proxy.child, STOP_GRACE_MS);
}

const STOP_GRACE_MS = 35_000; // the gateway drains requests in flight for up to 30 s after SIGTERM
