// `npx tsx scripts/bench/index-bench.ts`: indexer and retrieval figures against the shared fake Ollama made to answer like the Pi.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hashEmbed, startFakeOllama } from "@/test/fake-ollama";
import type { Chunk } from "@/lib/chunk/types";
import { buildIndex, type BuildSummary } from "@/lib/index/build";
import { META_FILE, VECTORS_FILE } from "@/lib/index/format";
import { readBakedIndex } from "@/lib/index/read";
import { lexicalSearchIndex, searchIndexFromBaked } from "@/lib/search/build-index";
import { searchIndex } from "@/lib/search/search";
import type { SearchIndex } from "@/lib/search/types";
import { normalizeInPlace } from "@/lib/search/vectors";
import { suggestedQuestions } from "@/lib/site";
import { latencySummary } from "./lib/stats";

/** The Pi embeds one chunk in ~1.5 s; the fake does it in 1.5 ms, so every wall time is scaled by 1/1000. */
const PI_MS_PER_CHUNK = 1_500;
const TIME_SCALE = 1 / 1000;
const SYNTHETIC_CHUNKS = 10_000;
const DIMENSIONS = 1024;
const QUERIES = [...suggestedQuestions, "homelab kubernetes on raspberry pi", "DuckDB instead of Redshift", "learning Portuguese", "what's the latest post you wrote?"];

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function timeQueries(index: SearchIndex, rounds: number): ReturnType<typeof latencySummary> {
  const vectors = QUERIES.map((q) => Float32Array.from(hashEmbed(q, index.dimensions || DIMENSIONS)));
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    QUERIES.forEach((query, i) => {
      const started = performance.now();
      searchIndex({ index, query, queryVector: index.hasVectors ? vectors[i] : undefined });
      samples.push(performance.now() - started);
    });
  }
  return latencySummary(samples);
}

/** A synthetic index of `size` chunks of random words with random unit vectors, as big as a very prolific author's. */
export function syntheticIndex(size = SYNTHETIC_CHUNKS): SearchIndex {
  const words = ["kubernetes", "duckdb", "lisbon", "terraform", "onnx", "pytorch", "szeged", "tram", "grafana", "rust", "go", "bike", "coffee", "pi", "model", "cluster", "data", "warehouse", "talk", "portuguese"];
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const chunks: Chunk[] = Array.from({ length: size }, (_, i) => {
    const text = Array.from({ length: 120 }, () => words[Math.floor(random() * words.length)]).join(" ") + ` unique${i}`;
    return { id: `/blog/s${i}#`, kind: "post", documentTitle: `S${i}`, documentUrl: `/blog/s${i}`, url: `/blog/s${i}`, anchor: null, title: `S${i}`, date: "2024-01-01", text };
  });
  const matrix = new Float32Array(size * DIMENSIONS);
  for (let row = 0; row < size; row++) {
    const slice = matrix.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS);
    for (let d = 0; d < DIMENSIONS; d++) slice[d] = random() - 0.5;
    normalizeInPlace(slice);
  }
  const lexical = lexicalSearchIndex({ chunks, model: "bge-m3" });
  return { ...lexical, dimensions: DIMENSIONS, hasVectors: true, matrix, rowOfChunk: Int32Array.from({ length: size }, (_, i) => i) };
}

/** Runs the indexer benchmark on a copy of `content/` and prints the figures; returns them for `npm run bench`. */
export async function runIndexBench({ root = process.cwd(), log = console.log }: { root?: string; log?: (line: string) => void } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "index-bench-"));
  fs.cpSync(path.join(root, "content"), path.join(work, "content"), { recursive: true });
  const fake = await startFakeOllama({ delayPerInputMs: PI_MS_PER_CHUNK * TIME_SCALE });
  const build = async (): Promise<BuildSummary & { inputs: number; wallMs: number }> => {
    fake.reset();
    const started = performance.now();
    const summary = await buildIndex({ root: work, indexDir: ".index", cacheDir: ".cache", model: "bge-m3", primary: { url: fake.url, api: "ollama", model: "bge-m3" }, suggestedQuestions });
    return { ...summary, inputs: fake.inputCount, wallMs: performance.now() - started };
  };
  try {
    log(`index bench · fake Ollama at ${PI_MS_PER_CHUNK * TIME_SCALE} ms per chunk = the Pi's ${PI_MS_PER_CHUNK} ms × scale 1/${1 / TIME_SCALE}`);
    const cold = await build();
    log(`cold build:  ${cold.chunks} chunks + ${suggestedQuestions.length} questions · ${cold.requests} requests · ${cold.inputs} texts embedded · ${ms(cold.wallMs)} wall · projected on the Pi ${(cold.inputs * PI_MS_PER_CHUNK / 60_000).toFixed(1)} min of embedding`);
    const warm = await build();
    log(`warm build:  ${warm.requests} requests · ${warm.inputs} texts embedded · ${warm.cacheHits} cache hits · ${ms(warm.wallMs)} wall`);
    const file = fs.readdirSync(path.join(work, "content/posts")).sort()[0]!;
    const target = path.join(work, "content/posts", file);
    const text = fs.readFileSync(target, "utf8");
    const paragraph = text.split("\n\n").find((p) => p.length > 200 && !p.startsWith("#") && !p.startsWith("```"))!;
    fs.writeFileSync(target, text.replace(paragraph, `${paragraph} One sentence added for the benchmark.`));
    const edit = await build();
    log(`one edit:    ${edit.requests} requests · ${edit.inputs} texts embedded (content/posts/${file}) · ${ms(edit.wallMs)} wall`);

    const dir = path.join(work, ".index");
    const started = performance.now();
    const read = readBakedIndex({ dir, model: "bge-m3" });
    if (!read.ok) throw new Error(read.reason);
    const index = searchIndexFromBaked(read.index);
    const loadMs = performance.now() - started;
    log(`index files: ${META_FILE} ${kb(fs.statSync(path.join(dir, META_FILE)).size)} · ${VECTORS_FILE} ${kb(fs.statSync(path.join(dir, VECTORS_FILE)).size)} · load ${ms(loadMs)}`);
    const sample = timeQueries(index, 50);
    log(`retrieval (sample, ${index.chunks.length} chunks, hybrid): p50 ${ms(sample.p50)} · p95 ${ms(sample.p95)} per query`);
    const synthetic = syntheticIndex();
    const big = timeQueries(synthetic, 5);
    log(`retrieval (synthetic, ${SYNTHETIC_CHUNKS} chunks × ${DIMENSIONS} dims, hybrid): p50 ${ms(big.p50)} · p95 ${ms(big.p95)} per query`);
    return { cold, warm, edit, loadMs, sample, synthetic: big };
  } finally {
    await fake.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runIndexBench();
