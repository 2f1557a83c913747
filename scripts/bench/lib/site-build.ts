// A production build of the site in the checkout for the load benchmark: reuse `.next`
// when its BUILD_ID is newer than every input of the build, else run `npm run build`,
// after waiting for any `next build` already running (another engineer, CI, e2e).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCommand } from "../../../e2e/server-process";

/** What `next build` reads: a change under any of these makes an existing build stale. */
const BUILD_INPUTS = ["content", "app", "components", "lib", "next.config.mjs", "package.json"];

/** How often to look again for a running `next build`. */
const BUILD_POLL_MS = 2_000;

/** Longest wait for someone else's build (a cold `next build` on 2 cores takes a few minutes). */
const MAX_BUILD_WAIT_MS = 15 * 60_000;

/** Newest modification time (ms) of a file or of any file under a folder. */
function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** Pids of running `next build` processes (any checkout), from /proc. */
function runningNextBuilds(): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const args = fs.readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      const next = args.findIndex((arg) => /(^|\/)next$/.test(arg) || arg.endsWith("next/dist/bin/next"));
      if (next >= 0 && args[next + 1] === "build") found.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** Why the build in `root` cannot be reused, or undefined when it can. */
function whyRebuild(root: string): string | undefined {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!fs.existsSync(buildId)) return "no .next/BUILD_ID";
  const built = fs.statSync(buildId).mtimeMs;
  const stale = BUILD_INPUTS.find((input) => newestMtime(path.join(root, input)) > built);
  return stale ? `${stale} changed after the last build` : undefined;
}

/** Waits (bounded) until no `next build` runs on this machine. */
async function waitForOtherBuilds(deadline: number, log: (line: string) => void): Promise<void> {
  for (let others = runningNextBuilds(); others.length > 0; others = runningNextBuilds()) {
    if (Date.now() > deadline) throw new Error(`another next build (pid ${others.join(", ")}) is still running after ${MAX_BUILD_WAIT_MS / 60_000} min`);
    log(`waiting for a running next build (pid ${others.join(", ")}) to finish`);
    await new Promise((resolve) => setTimeout(resolve, BUILD_POLL_MS));
  }
}

/**
 * Makes sure `root` holds a current production build; returns what it did, for the report.
 * A build someone starts between our check and ours makes Next refuse ("Another next
 * build process is already running"): then we wait for theirs and look again.
 */
export async function ensureSiteBuild({ root, log }: { root: string; log: (line: string) => void }): Promise<string> {
  const deadline = Date.now() + MAX_BUILD_WAIT_MS;
  for (;;) {
    await waitForOtherBuilds(deadline, log);
    const why = whyRebuild(root);
    if (!why) return `reused the build in .next (BUILD_ID ${fs.readFileSync(path.join(root, ".next/BUILD_ID"), "utf8").trim()})`;
    log(`building the site (${why}): npm run build`);
    const started = Date.now();
    // The build's prebuild index goes to a throwaway folder: the checkout's .index (maybe
    // built against the author's Pi) is left alone, and the bench serves its own index.
    const scratchIndex = fs.mkdtempSync(path.join(os.tmpdir(), "bench-build-index-"));
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", EMBED_URL: "", EMBED_FALLBACK_URL: "", SEARCH_INDEX_DIR: scratchIndex };
    try {
      await runCommand("npm", ["run", "build"], { cwd: root, env, label: "npm run build" });
      return `built the site (${why}) in ${((Date.now() - started) / 1000).toFixed(0)} s`;
    } catch (error) {
      if (!/Another next build process is already running/.test(String(error)) || Date.now() > deadline) throw error;
      log("another next build started meanwhile; waiting for it");
      await new Promise((resolve) => setTimeout(resolve, BUILD_POLL_MS));
    }
  }
}
