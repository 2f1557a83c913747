import { afterEach, describe, expect, it } from "vitest";
import { hashEmbed } from "../../test/fake-ollama";
import { TOKEN, decodeFloat32Base64, post, startHarness } from "./testing";
import type { Harness } from "./testing";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

describe("createServer: /api/embed", () => {
  it("passes Ollama's answer through and forwards only the vetted fields", async () => {
    h = await startHarness();
    const res = await post(`${h.url}/api/embed`, {
      token: TOKEN,
      body: { model: "bge-m3", input: ["a b", "c"], truncate: true, keep_alive: 0, options: { num_ctx: 999999 } },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await res.json();
    expect(body.embeddings).toEqual([hashEmbed("a b", 8), hashEmbed("c", 8)]);
    expect(Object.keys(body)).toEqual(["model", "embeddings", "total_duration", "load_duration", "prompt_eval_count"]);
    expect(h.fake.requests[0].body).toEqual({ model: "bge-m3", input: ["a b", "c"], truncate: true });
    expect(h.fake.requests[0].headers.authorization).toBeUndefined();
  });

  it("sends a body that holds only the forwarded fields to Ollama as it came, and re-writes any other", async () => {
    h = await startHarness();
    const plain = '{ "input": ["caf\\u00e9", "x"],\n  "model": "bge-m3", "truncate": false }';
    const extra = '{"model":"bge-m3","input":"x","keep_alive":0}';
    const dashed = '{"model":"bge-m3","input":"café — x"}'; // not ASCII: read by JSON.parse, sent as JSON.stringify writes it
    for (const body of [plain, extra, dashed]) {
      const res = await fetch(`${h.url}/api/embed`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body });
      expect(res.status, body).toBe(200);
    }
    expect(h.fake.requests.map((r) => r.text)).toEqual([plain, '{"model":"bge-m3","input":["x"]}', '{"model":"bge-m3","input":["café — x"]}']);
    expect(h.fake.requests[0].body).toEqual({ model: "bge-m3", input: ["café", "x"], truncate: false });
  });

  it("accepts the model with its :latest tag", async () => {
    h = await startHarness();
    expect((await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3:latest", input: "x" } })).status).toBe(200);
  });
});

describe("createServer: /v1/embeddings", () => {
  it("translates to /api/embed and back, with usage", async () => {
    h = await startHarness();
    const res = await post(`${h.url}/v1/embeddings`, { token: TOKEN, body: { model: "bge-m3", input: ["hello there", "x"] } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ object: "list", model: "bge-m3", data: [{ object: "embedding", index: 0 }, { index: 1 }] });
    expect(body.data[0].embedding).toEqual(hashEmbed("hello there", 8));
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens);
    expect(h.fake.requests.map((r) => r.path)).toEqual(["/api/embed"]);
  });

  it("encodes base64 as little-endian float32 that decodes to the same floats", async () => {
    h = await startHarness();
    const body = await (await post(`${h.url}/v1/embeddings`, { token: TOKEN, body: { model: "bge-m3", input: "hi", encoding_format: "base64" } })).json();
    // Exactly Ollama's floats, each rounded to float32 (which is what Ollama computed in).
    expect(decodeFloat32Base64(body.data[0].embedding)).toEqual(hashEmbed("hi", 8).map(Math.fround));
  });

  it("answers 502 when Ollama's answer holds non-numbers (NaN arrives as null)", async () => {
    h = await startHarness();
    h.fake.answerNaN();
    const res = await post(`${h.url}/v1/embeddings`, { token: TOKEN });
    expect(res.status).toBe(502);
    expect((await res.json()).error.type).toBe("server_error");
  });
});

describe("createServer: Ollama's errors", () => {
  it("keeps Ollama's 404 message for a model removed after the start", async () => {
    h = await startHarness({ models: ["bge-m3", "nomic-embed-text"] }, { models: ["nomic-embed-text"] });
    h.fake.forget("nomic-embed-text");
    const res = await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "nomic-embed-text", input: "x" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'model "nomic-embed-text" not found, try pulling it first' });
    await expect.poll(() => h.gateway.pool.members[0].state).toBe("mismatched");
    const openai = await post(`${h.url}/v1/embeddings`, { token: TOKEN, body: { model: "nomic-embed-text", input: "x" } });
    expect(openai.status).toBe(502);
    expect((await openai.json()).error).toMatchObject({ code: "unavailable", type: "server_error" });
  });

  it("maps Ollama busy to 503 with Retry-After and a crash to a generic 502", async () => {
    h = await startHarness();
    h.fake.failNext(1, 503);
    const busy = await post(`${h.url}/api/embed`, { token: TOKEN });
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    h.fake.failNext(1, 500);
    const crashed = await post(`${h.url}/api/embed`, { token: TOKEN });
    expect(crashed.status).toBe(502);
    expect(await crashed.json()).toEqual({ error: "embedding server error" });
  });

  it("answers 502 JSON when Ollama is down, and healthz says 503", async () => {
    // Attack-free, but the failure every Pi sees: Ollama stopped or restarting.
    h = await startHarness();
    await h.fake.goDown();
    const res = await post(`${h.url}/api/embed`, { token: TOKEN });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: "embedding server unavailable" });
    const openai = await post(`${h.url}/v1/embeddings`, { token: TOKEN });
    expect((await openai.json()).error).toMatchObject({ type: "server_error", code: "unavailable" });
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.text()).toBe("unavailable");
    await h.fake.comeUp();
  });

  it("answers 504 when Ollama takes longer than the upstream timeout", async () => {
    h = await startHarness({ upstreamTimeoutMs: 100 });
    h.fake.hang();
    const res = await post(`${h.url}/api/embed`, { token: TOKEN });
    expect(res.status).toBe(504);
    await expect.poll(() => h.fake.aborted).toBe(1);
  });
});

describe("createServer: healthz and shutdown", () => {
  it("answers a plain ok without a token, and probes Ollama at most once a second", async () => {
    h = await startHarness();
    const answers = await Promise.all([1, 2, 3].map(() => fetch(`${h.url}/healthz`)));
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await res.text()).toBe("ok");
    }
    expect(h.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/tags"]);
  });

  it("finishes requests in flight on close, and refuses new connections", async () => {
    h = await startHarness({}, { delayMs: 200 });
    const inFlight = post(`${h.url}/api/embed`, { token: TOKEN });
    await expect.poll(() => h.fake.concurrent).toBe(1);
    const closed = h.gateway.close();
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
    expect((await inFlight).status).toBe(200);
    await closed;
  });
});
