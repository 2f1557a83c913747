import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { runIndexScript } from "@/test/drills/index-process";
import { embedEndpointsFromEnv } from "./endpoints";

const BASE = { EMBED_URL: "http://127.0.0.1:11435", EMBED_FALLBACK_URL: "http://gpu.example:11435", EMBED_FALLBACK_SECRET: "fallback-token" };

describe("embedEndpointsFromEnv", () => {
  it("gives the indexer EMBED_BUILD_SECRET and everyone else EMBED_SECRET, so the gateway's per-token buckets keep deploys and visitors apart", () => {
    const env = parseEnv({ ...BASE, EMBED_SECRET: "visitor-token", EMBED_BUILD_SECRET: "build-token" });
    expect(embedEndpointsFromEnv(env, { forBuild: true }).primary?.secret).toBe("build-token");
    expect(embedEndpointsFromEnv(env).primary?.secret).toBe("visitor-token");
    expect(embedEndpointsFromEnv(env, { forBuild: true }).fallback?.secret).toBe("fallback-token");
  });

  it("falls back to EMBED_SECRET for the indexer when EMBED_BUILD_SECRET is unset or blank", () => {
    for (const build of [undefined, "", "  "]) {
      const env = parseEnv({ ...BASE, EMBED_SECRET: "visitor-token", EMBED_BUILD_SECRET: build });
      expect(embedEndpointsFromEnv(env, { forBuild: true }).primary?.secret).toBe("visitor-token");
    }
  });
});

describe("npm run index", () => {
  let fake: FakeOllama;
  let work: string;
  beforeAll(async () => {
    fake = await startFakeOllama({ dimensions: 8 });
    work = fs.mkdtempSync(path.join(os.tmpdir(), "build-token-"));
  });
  afterAll(async () => {
    await fake.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("sends EMBED_BUILD_SECRET, never EMBED_SECRET, on every embed request of a deploy", async () => {
    const run = await runIndexScript({
      env: { EMBED_URL: fake.url, EMBED_SECRET: "visitor-token", EMBED_BUILD_SECRET: "build-token", EMBED_CACHE_DIR: path.join(work, "cache"), SEARCH_INDEX_DIR: path.join(work, "index") },
    });
    expect(run.code, run.output).toBe(0);
    const embeds = fake.requests.filter((r) => r.path === "/api/embed");
    expect(embeds.length).toBeGreaterThan(0);
    expect(new Set(embeds.map((r) => r.headers.authorization))).toEqual(new Set(["Bearer build-token"]));
  }, 60_000);
});
