import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashEmbed, startFakeOllama } from "./fake-ollama";
import type { FakeOllama } from "./fake-ollama";

let fake: FakeOllama;
beforeEach(async () => {
  fake = await startFakeOllama({ dimensions: 8 });
});
afterEach(async () => {
  await fake.close();
});

function post(path: string, body: unknown, signal?: AbortSignal) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return fetch(`${fake.url}${path}`, { method: "POST", body: text, headers: { "content-type": "application/json" }, signal });
}

function dot(a: number[], b: number[]) {
  return a.reduce((sum, x, i) => sum + x * b[i], 0);
}

describe("hashEmbed", () => {
  it("is deterministic, 1,024 dims by default and unit length", () => {
    const v = hashEmbed("Machine learning on a Raspberry Pi");
    expect(v).toHaveLength(1024);
    expect(hashEmbed("Machine learning on a Raspberry Pi")).toEqual(v);
    expect(Math.hypot(...v)).toBeCloseTo(1, 6);
  });

  it("puts texts that share words nearer than unrelated ones, ignoring case", () => {
    const a = hashEmbed("training neural networks with pytorch");
    const b = hashEmbed("Neural networks: training tips");
    const c = hashEmbed("baking sourdough bread at home");
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.2);
  });

  it("gives the empty string a unit vector too", () => {
    expect(Math.hypot(...hashEmbed("", 16))).toBeCloseTo(1, 6);
  });
});

describe("startFakeOllama", () => {
  it("answers POST /api/embed in Ollama's shape and records the request", async () => {
    const res = await post("/api/embed", { model: "bge-m3", input: ["hello world", "bye"] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["model", "embeddings", "total_duration", "load_duration", "prompt_eval_count"]);
    expect(body.model).toBe("bge-m3");
    expect(body.embeddings).toEqual([hashEmbed("hello world", 8), hashEmbed("bye", 8)]);
    expect(body.prompt_eval_count).toBeGreaterThan(0);
    expect(fake.inputCount).toBe(2);
    expect(fake.requests).toMatchObject([{ method: "POST", path: "/api/embed", body: { model: "bge-m3" } }]);
  });

  it("accepts a single string input and the :latest tag", async () => {
    const body = await (await post("/api/embed", { model: "bge-m3:latest", input: "one" })).json();
    expect(body.embeddings).toHaveLength(1);
    expect(body.model).toBe("bge-m3:latest");
  });

  it("answers 404 with Ollama's message for an unknown model", async () => {
    const res = await post("/api/embed", { model: "llama3", input: "x" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'model "llama3" not found, try pulling it first' });
    expect(fake.inputCount).toBe(0);
  });

  it("answers 400 for no body, bad JSON and wrongly typed fields, as Ollama binds them", async () => {
    for (const body of ["", "{nope", { model: "bge-m3", input: [1] }, { model: "bge-m3", input: "x", truncate: "no" }]) {
      const res = await post("/api/embed", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof (await res.json()).error).toBe("string");
    }
    expect(await (await post("/api/embed", "")).json()).toEqual({ error: "missing request body" });
    expect(fake.inputCount).toBe(0);
  });

  it("answers no input (missing, \"\" or []) with no vectors, as Ollama does when it only loads the model", async () => {
    for (const input of [undefined, "", []]) {
      const res = await post("/api/embed", { model: "bge-m3", input });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ model: "bge-m3", embeddings: [] });
    }
    expect((await post("/api/embed", { model: "llama3" })).status).toBe(404);
    expect(fake.inputCount).toBe(0);
  });

  it("cuts vectors to dimensions and renormalises them, on both routes", async () => {
    const native = await (await post("/api/embed", { model: "bge-m3", input: "hello world", dimensions: 4 })).json();
    const head = hashEmbed("hello world", 8).slice(0, 4);
    const expected = head.map((x) => x / Math.hypot(...head));
    expect(native.embeddings[0]).toHaveLength(4);
    native.embeddings[0].forEach((x: number, i: number) => expect(x).toBeCloseTo(expected[i], 12));
    const openai = await (await post("/v1/embeddings", { model: "bge-m3", input: "hello world", dimensions: 4 })).json();
    expect(openai.data[0].embedding).toEqual(native.embeddings[0]);
    expect((await (await post("/api/embed", { model: "bge-m3", input: "x", dimensions: 64 })).json()).embeddings[0]).toHaveLength(8);
  });

  it("answers /v1/embeddings in OpenAI's shape, base64 as little-endian float32", async () => {
    const floats = await (await post("/v1/embeddings", { model: "bge-m3", input: "hi there" })).json();
    expect(floats).toMatchObject({ object: "list", model: "bge-m3", data: [{ object: "embedding", index: 0 }] });
    expect(floats.usage.prompt_tokens).toBe(floats.usage.total_tokens);
    // Ollama compares the format without regard to case.
    const b64 = await (await post("/v1/embeddings", { model: "bge-m3", input: "hi there", encoding_format: "BASE64" })).json();
    const bytes = Buffer.from(b64.data[0].embedding, "base64");
    const decoded = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(decoded).toEqual(floats.data[0].embedding.map(Math.fround));
  });

  it("answers /v1 refusals in OpenAI's error shape: a bad encoding_format, no input, an empty list", async () => {
    const format = await post("/v1/embeddings", { model: "bge-m3", input: "x", encoding_format: "int8" });
    expect(format.status).toBe(400);
    expect((await format.json()).error).toEqual({ message: "Invalid value for 'encoding_format' = int8. Supported values: ['float', 'base64'].", type: "invalid_request_error", param: null, code: null });
    for (const input of [undefined, []]) {
      const res = await post("/v1/embeddings", { model: "bge-m3", input });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toBe("invalid input");
    }
    const missing = await post("/v1/embeddings", { model: "llama3", input: "x" });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.type).toBe("not_found_error");
    expect((await (await post("/v1/embeddings", { model: "bge-m3", input: "" })).json()).data).toHaveLength(1);
    expect(fake.inputCount).toBe(1);
  });

  it("answers the probe routes and 404s (and records) everything else", async () => {
    expect(await (await fetch(`${fake.url}/`)).text()).toBe("Ollama is running");
    expect(await (await fetch(`${fake.url}/api/version`)).json()).toEqual({ version: "0.12.0" });
    expect((await (await fetch(`${fake.url}/api/tags`)).json()).models[0].name).toBe("bge-m3:latest");
    const pull = await post("/api/pull", { model: "x" });
    expect(pull.status).toBe(404);
    expect(fake.requests.map((r) => r.path)).toContain("/api/pull");
  });

  it("lets a test supply its own vectors", async () => {
    const custom = await startFakeOllama({ embed: (text) => [text.length, 0] });
    const res = await fetch(`${custom.url}/api/embed`, { method: "POST", body: JSON.stringify({ model: "bge-m3", input: "abc" }) });
    expect((await res.json()).embeddings).toEqual([[3, 0]]);
    await custom.close();
  });

  it("fails the next n requests, then every k-th", async () => {
    fake.failNext(2, 500);
    expect((await post("/api/embed", { model: "bge-m3", input: "a" })).status).toBe(500);
    expect((await post("/api/embed", { model: "bge-m3", input: "a" })).status).toBe(500);
    expect((await post("/api/embed", { model: "bge-m3", input: "a" })).status).toBe(200);
    fake.reset();
    fake.failEvery(2);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post("/api/embed", { model: "bge-m3", input: "a" })).status);
    expect(statuses).toEqual([200, 503, 200, 503]);
  });

  it("claims another model, another size, or NaN when told to", async () => {
    fake.answerModel("other");
    fake.answerDimensions(3);
    fake.answerNaN();
    const body = await (await post("/api/embed", { model: "bge-m3", input: "a" })).json();
    expect(body.model).toBe("other");
    expect(body.embeddings[0]).toEqual([null, null, null]);
  });

  it("goes down (connections refused) and comes back on the same port", async () => {
    const port = fake.port;
    await fake.goDown();
    await expect(fetch(`${fake.url}/`)).rejects.toThrow();
    await fake.comeUp();
    expect(fake.port).toBe(port);
    expect((await fetch(`${fake.url}/`)).status).toBe(200);
  });

  it("tracks concurrency under a per-input delay", async () => {
    fake.setDelayPerInput(30);
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => post("/api/embed", { model: "bge-m3", input: ["a", "b"] })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(fake.maxConcurrent).toBe(3);
    expect(fake.concurrent).toBe(0);
  });

  it("hangs when told to, and counts a client abort", async () => {
    fake.hang();
    const controller = new AbortController();
    const pending = post("/api/embed", { model: "bge-m3", input: "a" }, controller.signal);
    await expect.poll(() => fake.concurrent).toBe(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => fake.aborted).toBe(1);
    expect(fake.concurrent).toBe(0);
  });
});

describe("startFakeOllama: faults for the gateway's hardening", () => {
  it("trickles a well-formed answer one byte at a time after sending its headers at once", async () => {
    fake.trickle(1);
    const res = await post("/api/embed", { model: "bge-m3", input: "hi" });
    expect(res.headers.get("content-length")).not.toBeNull();
    // The body arrives in many reads, not one: a trickle() that did nothing would send it whole.
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
    expect(parts.length).toBeGreaterThan(10);
    const body = JSON.parse(Buffer.concat(parts).toString("utf8")) as { embeddings: number[][] };
    expect(body.embeddings).toEqual([hashEmbed("hi", 8)]);
  });

  it("answers a raw 200 body when told to, and forgets a model as `ollama rm` does", async () => {
    fake.answerRaw("<html>not json</html>");
    const raw = await post("/api/embed", { model: "bge-m3", input: "hi" });
    expect([raw.status, await raw.text()]).toEqual([200, "<html>not json</html>"]);
    fake.reset();
    fake.forget("bge-m3:latest");
    expect((await (await fetch(`${fake.url}/api/tags`)).json()).models).toEqual([]);
    const gone = await post("/api/embed", { model: "bge-m3", input: "hi" });
    expect([gone.status, await gone.json()]).toEqual([404, { error: 'model "bge-m3" not found, try pulling it first' }]);
    fake.reset();
    expect((await post("/api/embed", { model: "bge-m3", input: "hi" })).status).toBe(200);
    expect((await (await fetch(`${fake.url}/api/tags`)).json()).models).toHaveLength(1);
  });
});

describe("fake-ollama standalone", () => {
  it("prints its URL and serves until killed", async () => {
    const child = spawn(process.execPath, ["--experimental-strip-types", "--no-warnings", "test/fake-ollama.ts", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
        if (match) resolve(match[0]);
      });
    });
    expect(await (await fetch(`${url}/`)).text()).toBe("Ollama is running");
    child.kill("SIGTERM");
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(0);
  });
});
