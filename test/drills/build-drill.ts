// Shared helpers of the build-time fault drills: a small content root, buildIndex
// options against the shared fake Ollama with the Pi's timeouts scaled down, and
// read-outs of what a build left on disk (cache entries, baked index).
import fs from "node:fs";
import path from "node:path";
import { makeContentRoot, markdownFile } from "@/test/content-fixture";
import type { FakeOllama } from "@/test/fake-ollama";
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, EMBED_TIMEOUT_MS, HEALTH_PROBE_TIMEOUT_MS } from "@/lib/embed/constants";
import type { BuildIndexOptions } from "@/lib/index/build";
import { readBakedIndex } from "@/lib/index/read";

/** Every build-time wait in the drills is the real one × this: a 5 s Pi request becomes 50 ms, the 60 s timeout 600 ms. */
export const DRILL_TIME_SCALE = 1 / 100;

/** Vector size of the drills' fake: small keeps cache files and requests tiny; the ladder does not care. */
export const DRILL_DIMENSIONS = 16;

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

const scaled = (ms: number) => Math.round(ms * DRILL_TIME_SCALE);

/** A paragraph of unique words, long enough to be its own chunk (not merged as tiny). */
const paragraph = (seed: string) => Array.from({ length: 50 }, (_, i) => `${seed}${i}`).join(" ") + ".";

/** A post with three `##` sections, each a chunk. */
const threeSectionPost = (title: string, seed: string) =>
  markdownFile(`title: ${title}\ndate: 2024-01-01`, ["## Alpha", paragraph(`${seed}a`), "## Beta", paragraph(`${seed}b`), "## Gamma", paragraph(`${seed}c`)].join("\n\n"));

/** A throwaway project root with `posts` three-section posts (3 × posts chunks). */
export function makeDrillRoot(posts = 3): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < posts; i++) files[`posts/p${i}.md`] = threeSectionPost(`Post ${i}`, `p${i}`);
  return makeContentRoot(files);
}

/** A throwaway root holding a copy of the project's sample `content/` plus `extra` files (paths under `content/`). */
export function makeSampleRoot(extra: Record<string, string> = {}): string {
  const root = makeContentRoot(extra);
  fs.cpSync(path.join(REPO_ROOT, "content"), path.join(root, "content"), { recursive: true });
  return root;
}

/** A post with three `##` sections whose middle one holds `marker` (the drills' poison chunk: Alpha, Beta, Gamma). */
export function postWithMarkedSection({ title, date, marker }: { title: string; date: string; marker: string }): string {
  return markdownFile(`title: ${title}\ndate: ${date}`, ["## Alpha", paragraph("alpha"), "## Beta", `${paragraph("beta")} ${marker}.`, "## Gamma", paragraph("gamma")].join("\n\n"));
}

/** Adds one more three-section post to a root (three new chunks, the rest unchanged). */
export function addPost(root: string, slug: string): void {
  fs.writeFileSync(path.join(root, "content/posts", `${slug}.md`), threeSectionPost(slug, slug));
}

/**
 * Floor under the scaled request timeout and probe: on a loaded 2-core CI machine a
 * loopback answer can take tens of milliseconds, and a drill must fail on the fault it
 * stages, never on a busy machine. No drill waits these out (a down Pi refuses at once).
 */
const MIN_WAIT_MS = 3_000;

/** buildIndex options against the fake with the Pi's backoff scaled by {@link DRILL_TIME_SCALE}, its timeouts kept above {@link MIN_WAIT_MS}. */
export function drillBuildOptions(root: string, fake: FakeOllama, extra: Partial<BuildIndexOptions> = {}): BuildIndexOptions {
  return {
    root, indexDir: ".index", cacheDir: ".cache", model: "bge-m3",
    primary: { url: fake.url, api: "ollama", model: "bge-m3" },
    timeoutMs: Math.max(MIN_WAIT_MS, scaled(EMBED_TIMEOUT_MS)),
    probeTimeoutMs: Math.max(MIN_WAIT_MS, scaled(HEALTH_PROBE_TIMEOUT_MS)),
    timing: { baseMs: scaled(BACKOFF_BASE_MS), maxMs: scaled(BACKOFF_MAX_MS) },
    warn: () => {},
    ...extra,
  };
}

/** Every file under a folder (recursively), relative paths; [] when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/** The cache entry files (`<key>.json`) a build left, ignoring any stray temp file and the unembeddable records. */
export function cacheEntries(dir: string): string[] {
  return filesUnder(dir).filter((f) => f.endsWith(".json") && !f.startsWith("unembeddable/"));
}

/** The records of texts the server could not embed alone (`unembeddable/<key>.json` beside the cache). */
export function unembeddableRecords(dir: string): string[] {
  return filesUnder(path.join(dir, "unembeddable")).filter((f) => f.endsWith(".json"));
}

/** The embed POSTs the fake received (answered or failed), in order. */
const embedRequests = (fake: FakeOllama) => fake.requests.filter((r) => r.method === "POST" && r.path === "/api/embed");

/** The texts the fake was asked to embed, one per input, in request order. */
export function embeddedTexts(fake: FakeOllama): string[] {
  return embedRequests(fake).flatMap((r) => {
    const input = (r.body as { input: string | string[] }).input;
    return typeof input === "string" ? [input] : input;
  });
}

/** How many embed POSTs the fake received (answered or failed). */
export function embedPosts(fake: FakeOllama): number {
  return embedRequests(fake).length;
}

/** The baked index a build wrote, or throws with the reader's reason. */
export function readIndex(dir: string) {
  const read = readBakedIndex({ dir, model: "bge-m3" });
  if (!read.ok) throw new Error(read.reason);
  return read.index;
}
