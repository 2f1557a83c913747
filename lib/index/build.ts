import path from "node:path";
import { chunkDocuments } from "../chunk/chunk-document";
import { loadAllDocuments } from "../content/load";
import { EmbeddingCache } from "../embed/cache";
import type { ProgressSink } from "../embed/progress";
import { resolveVectors, type ResolvedVectors, type ResolveOptions } from "../embed/resolve-vectors";
import type { EmbedEndpoint } from "../embed/types";
import { AppError } from "../errors";
import { hashSources } from "./source-hash";
import { writeBakedIndex } from "./write";

/** Figures for the end-of-build summary: the ladder's counts, plus what the build made of them. */
export interface BuildSummary extends Pick<ResolvedVectors, "cacheHits" | "embedded" | "viaFallback" | "requests" | "splitRequests" | "notices"> {
  chunks: number;
  /** Suggested questions whose vectors were baked beside the chunks' (counted in hits and embedded too). */
  questions: number;
  /** Chunks left lexical-only: id, source file and "Doc › Section" heading, and the reason each. */
  lexicalOnly: Array<{ id: string; file: string; title: string; reason: string }>;
  /** Whether any embedding endpoint was configured (else lexical-only is the plan, not a failure). */
  embedConfigured: boolean;
  dimensions: number;
  elapsedMs: number;
  indexDir: string;
}

/** Options of {@link buildIndex}: where to read and write, which endpoints, and the test knobs of the ladder. */
export interface BuildIndexOptions extends Pick<ResolveOptions, "batchSize" | "timeoutMs" | "probeTimeoutMs" | "maxRetries" | "timing"> {
  root: string;
  indexDir: string;
  cacheDir: string;
  model: string;
  primary?: EmbedEndpoint;
  fallback?: EmbedEndpoint;
  strict?: boolean;
  suggestedQuestions?: string[];
  progress?: ProgressSink;
  warn?: (message: string) => void;
}

const QUERY_PREFIX = "query:";

/**
 * The indexer: content → chunks → vectors (cache, primary, fallback) → baked index.
 * In strict mode a chunk left without a vector fails the build (and nothing is written).
 */
export async function buildIndex(options: BuildIndexOptions): Promise<BuildSummary> {
  const started = Date.now();
  const documents = loadAllDocuments(options.root);
  const chunks = chunkDocuments(documents);
  const fileOf = new Map(documents.map((d) => [d.url, d.file]));
  const questions = options.suggestedQuestions ?? [];
  const cache = new EmbeddingCache({ dir: path.resolve(options.root, options.cacheDir), model: options.model, warn: options.warn });
  const items = [...chunks.map((c) => ({ id: c.id, text: c.text })), ...questions.map((q) => ({ id: `${QUERY_PREFIX}${q}`, text: q }))];
  const resolved = await resolveVectors({ ...options, items, cache });
  const lexicalOnly = chunks.filter((c) => !resolved.vectors.has(c.id)).map((c) => ({ id: c.id, file: fileOf.get(c.documentUrl) ?? c.documentUrl, title: c.title, reason: resolved.missing.get(c.id) ?? "not embedded" }));
  const configured = Boolean(options.primary ?? options.fallback);
  if (options.strict && lexicalOnly.length > 0) {
    const list = lexicalOnly.slice(0, 20).map((m) => `  ${m.id} (${m.file}, "${m.title}"): ${m.reason}`).join("\n");
    throw new AppError("unavailable:index", `INDEX_STRICT=1 and ${lexicalOnly.length} of ${chunks.length} chunks have no vector:\n${list}`);
  }
  const indexDir = path.resolve(options.root, options.indexDir);
  const meta = writeBakedIndex({
    dir: indexDir,
    model: options.model,
    sourceHash: hashSources({ root: options.root, model: options.model }),
    embedConfigured: configured,
    chunks,
    vectors: chunks.map((c) => resolved.vectors.get(c.id) ?? null),
    queries: questions.map((q) => ({ text: q, vector: resolved.vectors.get(`${QUERY_PREFIX}${q}`) ?? null })),
  });
  const { cacheHits, embedded, viaFallback, requests, splitRequests, notices } = resolved;
  return {
    chunks: chunks.length, questions: questions.length, cacheHits, embedded, viaFallback, requests, splitRequests, lexicalOnly, notices,
    embedConfigured: configured, dimensions: meta.dimensions, elapsedMs: Date.now() - started, indexDir,
  };
}
