// Attacks on the gateway's resources, and on the Pi behind it. Each test opens with the attack.
import { afterEach, describe, expect, it } from "vitest";
import { TOKEN, post, rawRequest, startHarness, statusOf } from "./testing";
import type { Harness } from "./testing";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const head = (extra: string) => `POST /api/embed HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n${extra}\r\n`;

describe("createServer: body and input limits", () => {
  it("answers 413 to a 2 MB body without reading it or calling Ollama", async () => {
    // Attack: a huge body to exhaust memory on the Pi.
    h = await startHarness();
    const body = Buffer.alloc(2_000_000, "a");
    const { text } = await rawRequest(h.url, [head(`Content-Length: ${body.length}\r\n`), body.subarray(0, 1_000_000), body.subarray(1_000_000)]);
    expect(statusOf(text)).toBe(413);
    expect(text).toContain('{"error":"request body exceeds 1000000 bytes"}');
    expect(h.fake.requests).toHaveLength(0);
  });

  it("answers 413 to a chunked body that grows past the limit, and closes the connection", async () => {
    // Attack: no Content-Length, a chunked body that keeps growing.
    h = await startHarness({ maxBodyBytes: 100_000 });
    const chunk = "a".repeat(32_000);
    const chunks = [head("Transfer-Encoding: chunked\r\n"), ...Array.from({ length: 20 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`)];
    const { text, closed } = await rawRequest(h.url, chunks, { gapMs: 5 });
    expect(statusOf(text)).toBe(413);
    expect(closed).toBe(true);
    expect(h.fake.requests).toHaveLength(0);
  });

  it("cuts off a client that sends its headers one byte at a time (slowloris)", async () => {
    // Attack: slowloris, holding connections open with headers that never finish.
    h = await startHarness({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const bytes = head("Content-Length: 2\r\n").split("");
    // 20 bytes at 40 ms take 800 ms, past the 200 ms header timeout: the server must hang
    // up on its own before the client has even finished (rawRequest waits up to 3 s).
    const { text, closed } = await rawRequest(h.url, bytes, { gapMs: 40, waitMs: 3_000 });
    expect(closed).toBe(true);
    expect([0, 408]).toContain(statusOf(text));
    expect(h.fake.requests).toHaveLength(0);
  });

  it("refuses too many inputs and too long inputs with 413, before Ollama", async () => {
    // Attack: one small request asking the Pi for hours of work.
    h = await startHarness({ maxInputs: 4, maxInputChars: 100 });
    const many = await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: ["a", "b", "c", "d", "e"] } });
    expect(many.status).toBe(413);
    expect(await many.json()).toEqual({ error: "at most 4 inputs per request" });
    const long = await post(`${h.url}/v1/embeddings`, { token: TOKEN, body: { model: "bge-m3", input: "x".repeat(101) } });
    expect(long.status).toBe(413);
    expect((await long.json()).error.type).toBe("invalid_request_error");
    expect(h.fake.requests).toHaveLength(0);
  });

  it("answers 403 for a model not on the allowlist, in each route's error shape", async () => {
    // Attack: loading another (bigger) model on the Pi through the embed route.
    h = await startHarness();
    const native = await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "llama3.1:70b", input: "x" } });
    expect(native.status).toBe(403);
    expect(await native.json()).toEqual({ error: 'model "llama3.1:70b" is not allowed here' });
    const openai = await post(`${h.url}/v1/embeddings`, { token: TOKEN, body: { model: "bge-m3:q4", input: "x" } });
    expect(openai.status).toBe(403);
    expect((await openai.json()).error).toMatchObject({ type: "invalid_request_error", code: "model_not_allowed" });
    expect(h.fake.requests).toHaveLength(0);
  });

  it("answers 400 for bad JSON and bad fields, in each route's shape", async () => {
    // Attack: malformed bodies probing the parser.
    h = await startHarness();
    const cases: Array<[string, unknown]> = [
      ["/api/embed", "{not json"],
      ["/api/embed", "[1,2]"],
      ["/api/embed", { input: "x" }],
      ["/api/embed", { model: "bge-m3", input: [1, 2] }],
      ["/api/embed", { model: "bge-m3", input: [] }],
      ["/api/embed", { model: "bge-m3", input: "x", truncate: "no" }],
      ["/api/embed", { model: "bge-m3", input: "x", dimensions: 256 }],
      ["/v1/embeddings", { model: "bge-m3", input: "x", encoding_format: "int8" }],
      ["/v1/embeddings", { model: "bge-m3", input: "x", dimensions: 256 }],
      ["/v1/embeddings", { model: "bge-m3", input: [[1, 2, 3]] }],
    ];
    for (const [path, body] of cases) {
      const res = await post(`${h.url}${path}`, { token: TOKEN, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const json = await res.json();
      expect(typeof (path === "/api/embed" ? json.error : json.error.message)).toBe("string");
    }
    expect(h.fake.requests).toHaveLength(0);
  });
});

describe("createServer: rate limit and concurrency", () => {
  it("answers 429 with Retry-After after the burst, and refills on the clock", async () => {
    // Attack: one token flooding the Pi.
    let now = 1_000_000;
    h = await startHarness({ burst: 2, refillPerMin: 6, now: () => now });
    expect((await post(`${h.url}/api/embed`, { token: TOKEN })).status).toBe(200);
    expect((await post(`${h.url}/api/embed`, { token: TOKEN })).status).toBe(200);
    const limited = await post(`${h.url}/v1/embeddings`, { token: TOKEN });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("10");
    expect((await limited.json()).error.code).toBe("rate_limited");
    now += 9_000;
    expect((await post(`${h.url}/api/embed`, { token: TOKEN })).status).toBe(429);
    now += 1_000;
    expect((await post(`${h.url}/api/embed`, { token: TOKEN })).status).toBe(200);
    expect(h.fake.requests).toHaveLength(3);
  });

  it("queues past the concurrency cap, then answers 503 with Retry-After when the queue is full", async () => {
    // Attack: many parallel requests piling onto Ollama.
    h = await startHarness({ concurrency: 1, queueSize: 1 }, { delayMs: 150 });
    const first = post(`${h.url}/api/embed`, { token: TOKEN });
    await new Promise((r) => setTimeout(r, 30));
    const second = post(`${h.url}/api/embed`, { token: TOKEN });
    await new Promise((r) => setTimeout(r, 30));
    const third = await post(`${h.url}/api/embed`, { token: TOKEN });
    expect(third.status).toBe(503);
    expect(third.headers.get("retry-after")).toBe("2");
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(h.fake.maxConcurrent).toBe(1);
  });

  it("aborts the upstream call when the client disconnects, and frees the slot", async () => {
    // Attack: start expensive requests and walk away, leaving the Pi working for nobody.
    h = await startHarness({ concurrency: 1 });
    h.fake.hang();
    const controller = new AbortController();
    const pending = post(`${h.url}/api/embed`, { token: TOKEN, signal: controller.signal });
    await expect.poll(() => h.fake.concurrent).toBe(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => h.fake.aborted).toBe(1);
    h.fake.reset();
    expect((await post(`${h.url}/api/embed`, { token: TOKEN })).status).toBe(200);
    await expect.poll(() => h.logs.some((line) => / 499 /.test(line))).toBe(true);
  });
});

describe("createServer: Expect: 100-continue", () => {
  it("invites the body only after the route, the token and the declared size passed", async () => {
    // Attack: getting the server to ask for (and read) a body it will refuse anyway.
    h = await startHarness();
    const body = JSON.stringify({ model: "bge-m3", input: "x" });
    const ask = (auth: string, length = body.length) =>
      `POST /api/embed HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`;
    const anonymous = await rawRequest(h.url, [ask("")], { waitMs: 500 });
    expect(statusOf(anonymous.text)).toBe(401);
    expect(anonymous.text).not.toContain("100 Continue");
    const huge = await rawRequest(h.url, [ask(`Authorization: Bearer ${TOKEN}\r\n`, 5_000_000)], { waitMs: 500 });
    expect(statusOf(huge.text)).toBe(413);
    expect(huge.text).not.toContain("100 Continue");
    expect(h.fake.requests).toHaveLength(0);
    const invited = await rawRequest(h.url, [ask(`Authorization: Bearer ${TOKEN}\r\n`), body], { gapMs: 100 });
    expect(invited.text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
    expect(h.fake.requests).toHaveLength(1);
  });
});
