// `next start` for the chat benches: the checkout's production build (reused or built by
// ensureSiteBuild), serving an index the bench bakes against the fake Ollama in a temp
// folder (SEARCH_INDEX_DIR), so answers are hybrid whatever the checkout's `.index` holds.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, stopProcessGroup } from "../../../e2e/server-process";
import { freePort } from "../../../test/free-port";
import { buildIndex } from "../../../lib/index/build";
import { suggestedQuestions } from "../../../lib/site";
import { ensureSiteBuild } from "./site-build";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Longest wait for `next start` to answer its first page. */
const SERVER_START_TIMEOUT_MS = 60_000;

/** Questions the benches cycle through; each request adds a counter, so the query-vector cache never hides the embedder. */
export const BENCH_QUESTIONS = ["How did you serve the fraud model from Go?", "Tell me about the k3s homelab", "Which tram line did you study?", "What did you do with dbt and DuckDB?", "How did you learn Portuguese?", "What did you talk about at your first conference?"];

/** A running `next start`: its base URL, what was done about the build (for the report), its process and output; `close` stops it and removes the index. */
export interface BenchServer {
  url: string;
  build: string;
  child: ChildProcess;
  output: () => string;
  close: () => void;
}

/**
 * What every bench server runs with: `Server-Timing` on (the chat bench reads the retrieval
 * share from it), the bench's clients play the one trusted proxy (each writes its address
 * into X-Forwarded-For), and budgets high enough that the embedder and the model, not the
 * site-wide allowances, are what gets measured.
 */
const BENCH_SETTINGS = { CHAT_SERVER_TIMING: "1", TRUSTED_PROXY_COUNT: "1", CHAT_QUERY_EMBEDS_PER_MIN: "1000000", CHAT_DAILY_ANSWER_LIMIT: "1000000" };

/** Builds (or reuses) the site, bakes an index with the fake at `embedUrl`, and starts `next start` against the fakes with `env` added. */
export async function startBenchServer({ embedUrl, llmUrl, env = {}, log }: { embedUrl: string; llmUrl: string; env?: Record<string, string>; log: (line: string) => void }): Promise<BenchServer> {
  const build = await ensureSiteBuild({ root: REPO_ROOT, log });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-index-"));
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    const indexDir = path.join(work, "index");
    await buildIndex({ root: REPO_ROOT, indexDir, cacheDir: path.join(work, "cache"), model: "bge-m3", primary: { url: embedUrl, api: "ollama", model: "bge-m3" }, suggestedQuestions, warn: () => {} });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const serverEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", EMBED_URL: embedUrl, GROQ_API_KEY: "bench", GROQ_BASE_URL: llmUrl, SEARCH_INDEX_DIR: indexDir, ...BENCH_SETTINGS, ...env };
    const server = await startServer(process.execPath, [path.join(REPO_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: REPO_ROOT, env: serverEnv, url, timeoutMs: SERVER_START_TIMEOUT_MS });
    return {
      url,
      build,
      ...server,
      close: () => {
        stopProcessGroup(server.child);
        removeWork();
      },
    };
  } catch (error) {
    removeWork();
    throw error;
  }
}
