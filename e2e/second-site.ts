// A second `next start` from the e2e build, for a test that needs other settings than the
// suite's server: the same fakes and index (the setup's serverEnv), the app's default
// budgets, questions recorded in a temp file of its own (never the checkout's .data/), and
// the test's settings on top. It runs on a free port and is stopped by the test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { freePort } from "../test/free-port";
import { startServer, stopProcessGroup } from "./server-process";

const root = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(root, "node_modules/next/dist/bin/next");
const START_TIMEOUT_MS = 60_000; // `next start` answers in ~1 s here; a hang guard on 2 noisy cores

/** A running second site: its URL, everything it printed, and a stop. */
export type SecondSite = { url: string; output: () => string; stop: () => void };

/** Starts another `next start` of the build with the suite's serverEnv, SITE_URL its own address, and `settings` on top. */
export async function startSecondSite(settings: Record<string, string> = {}): Promise<SecondSite> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const insightsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-second-site-")), "insights.jsonl");
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), NODE_ENV: "production" as const, ...inject("serverEnv"), SITE_URL: url, CHAT_INSIGHTS_FILE: insightsFile, ...settings };
  const server = await startServer(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, url, timeoutMs: START_TIMEOUT_MS });
  return { url, output: server.output, stop: () => stopProcessGroup(server.child) };
}
