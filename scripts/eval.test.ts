import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const TSX_CLI = path.join(root, "node_modules/tsx/dist/cli.mjs");
/** The floor the fake run must clear: well under what it measures (0.77), high enough that a broken label set fails it. */
const MIN_FAKE_HYBRID_RECALL_AT_15 = 0.5;

describe("npm run eval -- --fake", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "eval-e2e-"));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  // No endpoint in the environment: --fake must not need one, nor use one if set.
  const env = { ...process.env, EMBED_URL: "", EMBED_FALLBACK_URL: "" };
  const evalRun = run(process.execPath, [TSX_CLI, "scripts/eval.ts", "--fake", "--json", "--out", out], { cwd: root, env, maxBuffer: 10 * 1024 * 1024 });

  it("writes eval.md covering all three modes, labelled as the fake embedder, and the SVG", async () => {
    await evalRun;
    const markdown = fs.readFileSync(path.join(out, "eval.md"), "utf8");
    for (const mode of ["lexical", "dense", "hybrid"]) expect(markdown).toMatch(new RegExp(`^\\| ${mode} \\| \\d+ \\|`, "m"));
    expect(markdown).toContain("fake feature-hashing embedder, not bge-m3");
    expect(fs.readFileSync(path.join(out, "recall-at-k.svg"), "utf8")).toContain("<polyline");
  });

  it("prints JSON whose figures are all between 0 and 1, with hybrid recall@15 at least 0.5", async () => {
    const report = JSON.parse((await evalRun).stdout);
    expect(report.modes).toEqual(["lexical", "dense", "hybrid"]);
    const figures = Object.values(report.overall as Record<string, Record<string, number>>).flatMap(({ recallAt5, recallAt15, mrrAt15 }) => [recallAt5, recallAt15, mrrAt15]);
    expect(figures).toHaveLength(9);
    for (const figure of figures) {
      expect(figure).toBeGreaterThanOrEqual(0);
      expect(figure).toBeLessThanOrEqual(1);
    }
    expect(report.overall.hybrid.recallAt15).toBeGreaterThanOrEqual(MIN_FAKE_HYBRID_RECALL_AT_15);
  });

  it("fuses both lists in hybrid: better than dense alone, and not the lexical ranking under another name", async () => {
    const report = JSON.parse((await evalRun).stdout);
    expect(report.overall.hybrid.recallAt15).toBeGreaterThan(report.overall.dense.recallAt15);
    const reranked = (report.questions as Array<{ ranks: Record<string, unknown> }>).filter((q) => JSON.stringify(q.ranks.hybrid) !== JSON.stringify(q.ranks.lexical));
    expect(reranked.length).toBeGreaterThan(0);
  });
});
