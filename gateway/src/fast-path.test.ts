// The raw-socket fast path keeps the embed route's behaviour: the same answers, byte for
// byte but the Date, as node:http gives with the fast path off; the same counts; keep-alive,
// pipelining and the hand-off of a connection's later request; a leaving client cancels.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bothDoors, openRawConnection, OTHER_TOKEN, rawExchange, startHarness, statusOf, TOKEN } from "./testing";

const request = (body: string, auth = `Authorization: Bearer ${TOKEN}\r\n`) =>
  `POST /api/embed HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const embed = (input = "hello", auth?: string) => request(JSON.stringify({ model: "bge-m3", input }), auth);
const healthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

describe("fast path: the same answers as node:http", () => {
  it("answers 200, 401, 400, 403 and 413 with node:http's status line, headers and body, and counts them the same", async () => {
    const cases: Array<[string, number]> = [
      [embed(), 200],
      [embed("hello", ""), 401],
      [embed("hello", `Authorization: Bearer ${"w".repeat(40)}\r\n`), 401],
      [request("{not json"), 400],
      [request(JSON.stringify({ model: "llama3.1:70b", input: "x" })), 403],
      [embed("x".repeat(600)), 413],
    ];
    for (const [raw, status] of cases) {
      const { fast, http } = await bothDoors([raw], {}, { maxBodyBytes: 500 });
      expect(fast.served, raw).toBe(1);
      expect(fast.answers.map(statusOf)).toEqual([status]);
      expect(fast.answers).toEqual(http.answers);
      expect(fast.counts).toEqual(http.counts);
      expect(fast.closed).toBe(false); // kept alive, as node:http keeps it
    }
  });

  it("answers a second request over the burst with the same 429 and Retry-After, on one kept-alive connection", async () => {
    const { fast, http } = await bothDoors([embed(), embed()], { answers: 2, gapMs: 50 }, { burst: 1 });
    expect(fast.served).toBe(2);
    expect(fast.answers.map(statusOf)).toEqual([200, 429]);
    expect(fast.answers[1]).toMatch(/\r\nRetry-After: \d+\r\n/);
    expect(fast.answers).toEqual(http.answers);
    expect(fast.counts).toEqual(http.counts);
    expect(fast.counts).toMatch(/embed_gateway_rate_limited_total 1/);
  });
});

describe("fast path: keep-alive, pipelining, hand-off", () => {
  it("hands a kept-alive connection to node:http at its 2nd request, which node:http serves, and every later one", async () => {
    const { fast, http } = await bothDoors([embed("one"), healthz, embed("three")], { answers: 3, gapMs: 50 });
    expect(fast).toMatchObject({ served: 1, handedOff: 1, upstream: 3 }); // two embeds and the health probe
    expect(fast.answers.map(statusOf)).toEqual([200, 200, 200]);
    expect(fast.answers[1]).toMatch(/\r\n\r\nok$/);
    expect(fast.answers).toEqual(http.answers);
  });

  it("answers pipelined requests in order, serving the whole ones and handing off at the first other", async () => {
    const { fast, http } = await bothDoors([embed("one") + embed("two") + healthz + embed("four")], { answers: 4 });
    expect(fast).toMatchObject({ served: 2, handedOff: 1, upstream: 4 }); // three embeds and the health probe
    expect(fast.answers.map(statusOf)).toEqual([200, 200, 200, 200]);
    expect(fast.answers).toEqual(http.answers);
  });

  it("hands off a request whose body is split over two reads; node:http reads the rest and answers", async () => {
    // Split inside the body: the first read holds a whole head but half a body, so it is node:http's.
    const raw = embed("split");
    const { fast, http } = await bothDoors([raw.slice(0, raw.length - 5), raw.slice(-5)], { gapMs: 50 });
    expect(fast).toMatchObject({ served: 0, handedOff: 1, upstream: 1 });
    expect(fast.answers.map(statusOf)).toEqual([200]);
    expect(fast.answers).toEqual(http.answers);
  });
});

describe("fast path: leaving clients and closing", () => {
  it("aborts the upstream call when the client leaves mid-request, logs 499, and frees the slot", async () => {
    const h = await startHarness({ concurrency: 1 }, { delayMs: 300 });
    try {
      const { socket } = openRawConnection(h.url);
      socket.write(embed());
      await expect.poll(() => h.fake.concurrent).toBe(1);
      socket.destroy();
      await expect.poll(() => h.fake.aborted).toBe(1);
      await expect.poll(() => h.logs.some((line) => / POST \/api\/embed 499 /.test(line))).toBe(true);
      h.fake.setDelay(0);
      const { answers } = await rawExchange(h.url, [embed("", `Authorization: Bearer ${OTHER_TOKEN}\r\n`)]);
      expect(answers.map(statusOf)).toEqual([200]);
      expect(h.gateway.metrics.fastPath.served).toBe(1);
    } finally {
      await h.stop();
    }
  });

  it("answers the request in flight with Connection: close when the gateway closes, then closes the socket", async () => {
    const h = await startHarness({}, { delayMs: 200 });
    const exchange = rawExchange(h.url, [embed()], { waitMs: 2_000, settleMs: 500 });
    await expect.poll(() => h.fake.concurrent).toBe(1);
    await h.stop();
    const { answers, closed } = await exchange;
    expect(answers.map(statusOf)).toEqual([200]);
    expect(answers[0]).toMatch(/\r\nConnection: close\r\n\r\n/);
    expect(closed).toBe(true);
  });
});

describe("fast path: a kept-alive connection's token", () => {
  const bad = `Authorization: Bearer ${"w".repeat(40)}\r\n`;

  it("attack: switching tokens on one kept-alive connection is judged anew each time (good, bad, good, one character off, none)", async () => {
    const h = await startHarness();
    const oneOff = `Authorization: Bearer ${TOKEN.slice(0, -1)}X\r\n`; // the same length as the remembered header
    try {
      const { answers } = await rawExchange(h.url, [embed(), embed("x", bad), embed(), embed("x", oneOff), embed("x", "")], { answers: 5, gapMs: 50 });
      expect(answers.map(statusOf)).toEqual([200, 401, 200, 401, 401]);
      expect(h.gateway.metrics.fastPath.served).toBe(5);
      expect(h.fake.requests).toHaveLength(2);
    } finally {
      await h.stop();
    }
  });

  it("attack: a token removed from the file stops working at once on a connection that already used it", async () => {
    const h = await startHarness();
    const { socket, seen } = openRawConnection(h.url);
    try {
      socket.write(embed());
      await expect.poll(() => seen().split("HTTP/1.1 ").length - 1).toBe(1);
      writeFileSync(h.tokensFile, `${OTHER_TOKEN}\n`);
      expect(h.gateway.reloadTokens()).toEqual({ ok: true, count: 1 });
      socket.write(embed());
      await expect.poll(() => seen().split("HTTP/1.1 ").length - 1).toBe(2);
      expect(seen().match(/HTTP\/1\.1 (\d{3})/g)).toEqual(["HTTP/1.1 200", "HTTP/1.1 401"]);
      expect(h.gateway.metrics.fastPath.served).toBe(2);
    } finally {
      socket.destroy();
      await h.stop();
    }
  });
});

describe("fast path: idle connections", () => {
  it("keeps a connection open after its answer, then closes it once idle past the announced keep-alive timeout", async () => {
    const h = await startHarness();
    const { socket, seen, closed } = openRawConnection(h.url);
    try {
      socket.write(embed());
      await expect.poll(() => statusOf(seen())).toBe(200);
      const announced = Number(/\r\nKeep-Alive: timeout=(\d+)\r\n/.exec(seen())?.[1]);
      expect(announced).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(closed()).toBe(false); // still kept alive well inside the timeout
      await expect.poll(() => closed(), { timeout: announced * 1_000 + 3_000, interval: 100 }).toBe(true);
      expect(h.gateway.metrics.fastPath.served).toBe(1);
    } finally {
      socket.destroy();
      await h.stop();
    }
  });
});

describe("fast path: its counters", () => {
  it("exposes the requests it served and the connections it handed off as running totals, the same at every scrape", async () => {
    const h = await startHarness();
    try {
      await rawExchange(h.url, [embed("one") + embed("two") + healthz], { answers: 3 });
      const { registry } = h.gateway.metrics;
      for (let scrape = 0; scrape < 2; scrape++) {
        expect(await registry.getSingleMetricAsString("embed_gateway_fast_path_requests_total")).toMatch(/^embed_gateway_fast_path_requests_total 2$/m);
        expect(await registry.getSingleMetricAsString("embed_gateway_fast_path_handoffs_total")).toMatch(/^embed_gateway_fast_path_handoffs_total 1$/m);
      }
      await rawExchange(h.url, [embed("three")]);
      expect(await registry.getSingleMetricAsString("embed_gateway_fast_path_requests_total")).toMatch(/^embed_gateway_fast_path_requests_total 3$/m);
    } finally {
      await h.stop();
    }
  });
});
