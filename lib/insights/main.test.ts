import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { startTestRedis, type TestRedis } from "../../test/redis-server";
import { LOCAL_INSIGHTS_FILE } from "./constants";
import { parseInsightsArgs, runInsightsCommand } from "./main";
import { createInsightRecorder } from "./record";
import { createFileInsightStore, createRedisInsightStore } from "./stores";
import type { InsightStore } from "./types";

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.stop();
});

async function askThree(store: InsightStore) {
  const recorder = createInsightRecorder({ store });
  await recorder.recordQuestion({ id: "a", question: "What is Tisza Bot?", mode: "hybrid", rung: "groq", topScore: 0.4, covered: true });
  await recorder.recordQuestion({ id: "b", question: "Do you play the cello?", mode: "hybrid", rung: null, topScore: 0.01, covered: false });
  await recorder.recordQuestion({ id: "c", question: "Where did you study?", mode: "lexical", rung: "extractive", topScore: 0.3, covered: true });
  await recorder.recordRating({ id: "c", rating: "down" });
}

const quiet = () => {};

describe("runInsightsCommand", () => {
  it("reads the local .data/insights.jsonl without Redis and writes the markdown and the plot", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "insights-cmd-"));
    await askThree(createFileInsightStore({ file: path.join(root, LOCAL_INSIGHTS_FILE) }));
    const { markdown, files } = await runInsightsCommand({ argv: [], root, print: quiet });
    expect(markdown.split("## Not covered")[1]!.split("## Rated down")[0]).toContain("Do you play the cello?");
    expect(markdown.split("## Rated down")[1]!.split("## Most asked")[0]).toContain("Where did you study?");
    expect(files.map((f) => path.relative(root, f))).toEqual(["reports/insights.md", "reports/insights.svg"]);
    expect(fs.readFileSync(files[1]!, "utf8")).toMatch(/^<svg/);
  });

  it("reads Redis when REDIS_URL is set (a real redis-server), ignoring any local file", async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    await askThree(createRedisInsightStore({ client }));
    await client.close();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "insights-cmd-"));
    const { markdown } = await runInsightsCommand({ argv: ["--out", "out"], root, redisUrl: redis.url, print: quiet });
    expect(markdown).toContain("3 questions from Redis (REDIS_URL)");
    expect(markdown.split("## Rated down")[1]).toContain("Where did you study?");
    expect(fs.existsSync(path.join(root, "out/insights.md"))).toBe(true);
  });

  it("says which Redis it could not reach instead of hanging", async () => {
    await expect(runInsightsCommand({ argv: [], root: os.tmpdir(), redisUrl: "redis://127.0.0.1:1", print: quiet })).rejects.toThrow(/cannot reach Redis at REDIS_URL/);
  });
});

describe("parseInsightsArgs", () => {
  it("takes --file and --out in one or two words and refuses anything else with the usage", () => {
    expect(parseInsightsArgs(["--file=x.jsonl", "--out", "r"])).toEqual({ file: "x.jsonl", out: "r" });
    expect(() => parseInsightsArgs(["--json"])).toThrow(/usage: npm run insights/);
    expect(() => parseInsightsArgs(["--out"])).toThrow(/usage/);
  });
});
