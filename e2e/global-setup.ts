import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startFakeLlm } from "../test/fake-llm";
import { startFakeOllama } from "../test/fake-ollama";
import { startControlServer } from "./control";
import { freePort } from "../test/free-port";
import { runCommand, startServer, stopProcessGroup } from "./server-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    controlUrl: string;
    buildSecrets: string[];
    /** What points a `next start` of this build at the fakes and the index (not the suite server's own budgets), for tests that start a second server: see e2e/second-site.ts. */
    serverEnv: Record<string, string>;
    insightsFile: string;
  }
}

const root = fileURLToPath(new URL("../", import.meta.url));

/** Dummy secrets given to the build and the server, so a test can prove none reaches the browser. */
export const BUILD_SECRETS = { EMBED_SECRET: "e2e-embed-secret-3f9a1c7d", GROQ_API_KEY: "gsk_e2e_groq_key_8b2e6f0a" };

/** Builds the site against the fakes, starts `next start`, and tears everything down after. */
export default async function setup(project: TestProject) {
  const ollama = await startFakeOllama();
  const llm = await startFakeLlm();
  const control = await startControlServer({ ollama, llm });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverEnv: Record<string, string> = {
    ...BUILD_SECRETS,
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: baseUrl,
    EMBED_URL: ollama.url,
    EMBED_CACHE_DIR: path.join(root, ".next/cache/e2e-embeddings"),
    // The fake's vectors must never land in the checkout's .index/, where a later
    // `npm run dev` against the real Pi would take them for bge-m3's.
    SEARCH_INDEX_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "e2e-index-")),
    GROQ_BASE_URL: llm.url,
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...serverEnv,
    // The suite's server only: budgets out of the way of many browser tests in a row.
    CHAT_RATE_LIMIT_PER_MIN: "1000",
    CHAT_QUERY_EMBEDS_PER_MIN: "1000",
    // The questions the browser tests ask are recorded here, never in the checkout's .data/.
    CHAT_INSIGHTS_FILE: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-insights-")), "insights.jsonl"),
  };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const started = Date.now();
    await runCommand("npm", ["run", "build"], { cwd: root, env, label: "npm run build" });
    console.log(`e2e: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const server = await startServer(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    url: baseUrl,
    timeoutMs: 60_000,
  });
  project.provide("baseUrl", baseUrl);
  project.provide("controlUrl", control.url);
  project.provide("buildSecrets", Object.values(BUILD_SECRETS));
  project.provide("serverEnv", serverEnv);
  project.provide("insightsFile", env.CHAT_INSIGHTS_FILE!);
  return async () => {
    stopProcessGroup(server.child);
    await control.close();
    await llm.close();
    await ollama.close();
  };
}
