// The built gateway as the Pi runs it, `node gateway/dist/gateway.mjs`, started as a real
// process on a free port in front of a (fake) Ollama, with a private mode-600 tokens file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stopProcess } from "./stop-process";

const GATEWAY = fileURLToPath(new URL("../gateway/dist/gateway.mjs", import.meta.url));
const STOP_GRACE_MS = 5_000; // a test stops it idle, when SIGTERM exits at once (its own drain of requests in flight allows 30 s)

/** A running gateway process: its base URL, the token it accepts, and everything it printed. */
export type GatewayProcess = { url: string; token: string; output(): string; stop(): Promise<void> };

/** How to run the built gateway: the command, its arguments and environment, and a cleanup of the tokens file made for it. */
export type GatewayLaunch = { command: string; args: string[]; env: Record<string, string>; removeTokens(): void };

/** The launch of the built gateway before `ollamaUrl` on a free port, accepting `token` (in a fresh mode-600 file), with `env` on top; the tests and the benchmark both start it this way. */
export function gatewayLaunch(options: { ollamaUrl: string; token: string; env?: Record<string, string> }): GatewayLaunch {
  const tokens = writePrivateTokens(options.token);
  return {
    command: process.execPath,
    args: [GATEWAY],
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", GATEWAY_PORT: "0", GATEWAY_TOKENS_FILE: tokens.file, OLLAMA_URL: options.ollamaUrl, ...options.env },
    removeTokens: tokens.remove,
  };
}

/** Writes `token` to a fresh mode-600 file, as the gateway requires; its path and a cleanup. */
export function writePrivateTokens(token: string): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "gateway-tokens-"));
  const file = join(dir, "tokens");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the built gateway before `ollamaUrl`, accepting `token`, with `env` on top of its defaults; resolves once it listens. */
export async function startGatewayProcess(options: { ollamaUrl: string; token: string; env?: Record<string, string> }): Promise<GatewayProcess> {
  const launch = gatewayLaunch(options);
  const child = spawn(launch.command, launch.args, { env: launch.env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    await stopProcess(child, STOP_GRACE_MS);
    launch.removeTokens();
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (match) resolve(match[0]);
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.once("error", reject);
      void exited.then(() => reject(new Error(`the gateway exited before listening:\n${output}`)));
    });
    return { url, token: options.token, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
