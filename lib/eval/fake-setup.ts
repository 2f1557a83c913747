import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeOllama } from "../../test/fake-ollama";
import type { EmbedEndpoint } from "../embed/types";
import { buildIndex } from "../index/build";
import { loadSearchIndexNow } from "../search/load";
import type { EvalSetup } from "./run-eval";
import { queryEmbedderFor } from "./embed-queries";

/** How the report names the fake: its vectors share words, not meaning, so its dense figures say nothing about bge-m3. */
const FAKE_EMBEDDER_LABEL = "fake feature-hashing embedder, not bge-m3 (test/fake-ollama.ts)";

/** The model name the fake answers to; only a name here, the vectors are hashed words. */
const FAKE_MODEL = "bge-m3";

/**
 * Starts the shared fake Ollama in-process, builds an index of `content/` against it in
 * a temporary folder, and returns a setup over that index; `close` stops the fake and
 * removes the folder.
 */
export async function startFakeSetup({ root = process.cwd() }: { root?: string } = {}): Promise<{ setup: EvalSetup; close: () => Promise<void> }> {
  const fake = await startFakeOllama({ model: FAKE_MODEL });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-fake-"));
  const close = async () => {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const endpoint: EmbedEndpoint = { url: fake.url, api: "ollama", model: FAKE_MODEL };
    const indexDir = path.join(dir, "index");
    await buildIndex({ root, indexDir, cacheDir: path.join(dir, "cache"), model: FAKE_MODEL, primary: endpoint, strict: true, warn: () => {} });
    const index = loadSearchIndexNow({ dir: indexDir, model: FAKE_MODEL, root });
    return { setup: { index, fake: true, embedder: FAKE_EMBEDDER_LABEL, embed: queryEmbedderFor([endpoint], index.dimensions) }, close };
  } catch (error) {
    await close();
    throw error;
  }
}
