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
import { CANDIDATE_DEPTH } from "@/lib/search/constants";
import { lexicalQueryIn } from "@/lib/search/query-terms";
import { rankLexical, searchIndex, unitQueryVector } from "@/lib/search/search";
import type { SearchIndex } from "@/lib/search/types";
import { quantizeRows } from "@/lib/search/int8-rows";
import { int8RowsOf, normalizeInPlace, rankByCosine } from "@/lib/search/vectors";
import { suggestedQuestions } from "@/lib/site";
import { rankByCosineSortingEveryRow, rankBySignBitsThenRescore, recallOf, SIGN_BIT_KEEP_FACTOR, signBitsOf } from "./lib/dense-methods";
import { latencySummary } from "./lib/stats";

/** The Pi embeds one chunk in ~1.5 s; the fake does it in 1.5 ms, so every wall time is scaled by 1/1000. */
const PI_MS_PER_CHUNK = 1_500;
const TIME_SCALE = 1 / 1000;
const SYNTHETIC_CHUNKS = 10_000;
/** The large synthetic index: past the ~20,000 chunks where DESIGN.md says a vector store takes over, to show the margin. */
const LARGE_SYNTHETIC_CHUNKS = 50_000;
const DIMENSIONS = 1024;
const QUERIES = [...suggestedQuestions, "homelab kubernetes on raspberry pi", "DuckDB instead of Redshift", "learning Portuguese", "what's the latest post you wrote?"];

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

type Summary = ReturnType<typeof latencySummary>;
/** Figures of one index: hybrid latency, then each half and each dense method alone, all in the same rounds. */
type QueryFigures = Summary & { bm25: Summary; bm25Before: Summary; dense: Summary; denseJsInt8: Summary; denseBefore: Summary; denseSignBits: Summary; int8Ms: number; signBitsMs: number; recallSignBits: number; recallDense: number };

/** Hybrid query latency, plus its BM25 and dense halves and the other dense methods measured alone in the same rounds (the first query, which builds the postings, is a warm-up; the int8 rows are made first and timed). */
function timeQueries(index: SearchIndex, rounds: number): QueryFigures {
  const vectors = QUERIES.map((q) => Float32Array.from(hashEmbed(q, index.dimensions || DIMENSIONS)));
  const units = vectors.map((vector) => unitQueryVector(index, vector));
  const { matrix, dimensions, rowOfChunk } = index;
  const made = (make: () => unknown) => ((started) => (make(), performance.now() - started))(performance.now());
  const int8Ms = made(() => int8RowsOf(matrix, dimensions));
  const jsInt8 = quantizeRows(matrix, dimensions, "js");
  let codes: Uint32Array = new Uint32Array(0);
  const signBitsMs = made(() => (codes = signBitsOf(matrix, dimensions)));
  searchIndex({ index, query: QUERIES[0]!, queryVector: index.hasVectors ? vectors[0] : undefined });
  const options = (unit: Float32Array) => ({ matrix, dimensions, rowOfChunk, query: unit, limit: CANDIDATE_DEPTH });
  const exact = units.map((unit) => (unit ? rankByCosineSortingEveryRow(index, unit, CANDIDATE_DEPTH) : []));
  const recalls = { signBits: [] as number[], dense: [] as number[] };
  // Each method answers every query in a block (as a server would, one method with its own
  // rows in cache), the blocks taking turns within every round, so load hits all alike.
  const methods = {
    samples: (i: number) => searchIndex({ index, query: QUERIES[i]!, queryVector: index.hasVectors ? vectors[i] : undefined }),
    bm25: (i: number) => rankLexical({ index, query: QUERIES[i]! }),
    bm25Before: (i: number) => index.bm25.search(lexicalQueryIn(index, QUERIES[i]!), CANDIDATE_DEPTH),
    dense: (i: number) => units[i] && rankByCosine(options(units[i])),
    denseJsInt8: (i: number) => units[i] && rankByCosine({ ...options(units[i]), int8: jsInt8 }),
    denseBefore: (i: number) => units[i] && rankByCosineSortingEveryRow(index, units[i], CANDIDATE_DEPTH),
    denseSignBits: (i: number) => units[i] && rankBySignBitsThenRescore(index, codes, units[i], CANDIDATE_DEPTH),
  };
  const series = Object.fromEntries(Object.keys(methods).map((name) => [name, [] as number[]])) as Record<keyof typeof methods, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(methods) as Array<[keyof typeof methods, (i: number) => unknown]>) {
      QUERIES.forEach((_, i) => {
        if (name.startsWith("dense") && !units[i]) return;
        const started = performance.now();
        const ranked = run(i);
        series[name].push(performance.now() - started);
        if (name === "dense") recalls.dense.push(recallOf(ranked as number[], exact[i]!));
        if (name === "denseSignBits") recalls.signBits.push(recallOf(ranked as number[], exact[i]!));
      });
    }
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  const { samples, ...halves } = series;
  const summaries = Object.fromEntries(Object.entries(halves).map(([name, values]) => [name, latencySummary(values)])) as Record<keyof typeof halves, Summary>;
  return { ...latencySummary(samples), ...summaries, int8Ms, signBitsMs, recallSignBits: mean(recalls.signBits), recallDense: mean(recalls.dense) };
}

/** Lines of retrieval figures: hybrid p50/p95, each half, then every dense method with its ratio to the site's, from the same rounds. */
function retrievalLines(label: string, t: QueryFigures): string[] {
  const ratio = (other: Summary) => `${(other.p50 / t.dense.p50).toFixed(1)}×`;
  return [
    `retrieval (${label}, hybrid): p50 ${ms(t.p50)} · p95 ${ms(t.p95)} per query (BM25 alone p50 ${ms(t.bm25.p50)}, dense alone p50 ${ms(t.dense.p50)} · p95 ${ms(t.dense.p95)}; wink's search in the same rounds p50 ${ms(t.bm25Before.p50)})`,
    `  dense methods, same rounds, p50 (× the site's): int8 in WebAssembly SIMD + re-score (the site's) ${ms(t.dense.p50)}, recall of the exact top ${CANDIDATE_DEPTH} ${t.recallDense.toFixed(3)} · int8 in JS + re-score (before) ${ms(t.denseJsInt8.p50)} (${ratio(t.denseJsInt8)}) · float32 dot, sort every row (first) ${ms(t.denseBefore.p50)} (${ratio(t.denseBefore)}) · sign bits, keep ${SIGN_BIT_KEEP_FACTOR}×${CANDIDATE_DEPTH}, re-score (not taken) ${ms(t.denseSignBits.p50)} (${ratio(t.denseSignBits)}), recall ${t.recallSignBits.toFixed(3)}`,
    `  derived at load from the float32 rows: int8 rows ${ms(t.int8Ms)} · sign bits ${ms(t.signBitsMs)}`,
  ];
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
    retrievalLines(`sample, ${index.chunks.length} chunks`, sample).forEach((line) => log(line));
    const big = timeQueries(syntheticIndex(SYNTHETIC_CHUNKS), 10);
    retrievalLines(`synthetic, ${SYNTHETIC_CHUNKS} chunks × ${DIMENSIONS} dims`, big).forEach((line) => log(line));
    const large = timeQueries(syntheticIndex(LARGE_SYNTHETIC_CHUNKS), 3);
    retrievalLines(`synthetic, ${LARGE_SYNTHETIC_CHUNKS} chunks × ${DIMENSIONS} dims`, large).forEach((line) => log(line));
    return { cold, warm, edit, loadMs, sample, synthetic: big, large };
  } finally {
    await fake.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runIndexBench();
