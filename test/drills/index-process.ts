// Runs the real indexer command (`tsx scripts/index.ts`, as `npm run index` does) as a
// child process against the repo's content/, with its cache and index in given folders,
// so a drill can SIGKILL it mid-build the way an OOM killer or a cancelled deploy would.
import { spawn } from "node:child_process";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const TSX_CLI = path.join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs");

/** How often the kill condition is checked: a batch at the drills' pace takes far longer. */
const KILL_POLL_MS = 10;

/** How the indexer process ended and what it printed. */
export interface IndexRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs `tsx scripts/index.ts` with only the given embedding variables set. With
 * `killWhen`, SIGKILLs the whole process group (tsx runs the script in a child) as soon
 * as the condition holds.
 */
export function runIndexScript({ env, killWhen }: { env: Record<string, string>; killWhen?: () => boolean }): Promise<IndexRun> {
  const child = spawn(process.execPath, [TSX_CLI, "scripts/index.ts"], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const poll = killWhen && setInterval(() => {
    if (!killWhen()) return;
    clearInterval(poll);
    process.kill(-child.pid!, "SIGKILL");
  }, KILL_POLL_MS);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, output });
    });
  });
}
