// Attacks on the raw-socket fast path's parser, which faces the internet. Each test opens
// with the attack. The rule under test: the fast path serves a request only when it is sure
// of it; everything else is handed to node:http, which must then answer exactly as it does
// with the fast path off (same status, headers, body and connection state, Ollama untouched).
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { bothDoors, rawExchange, startHarness, statusOf, TOKEN } from "./testing";
import type { Seen } from "./testing";

const BODY = JSON.stringify({ model: "bge-m3", input: "hello" });
const line = (name: string, value: string) => `${name}: ${value}\r\n`;
const embed = (headers: string, body = BODY) => `POST /api/embed HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n${headers}\r\n${body}`;

/** The fast path handed the connection off untouched, and node:http answered as it does alone. */
function expectHandedOffAndSame({ fast, http }: { fast: Seen; http: Seen }) {
  expect(fast.served).toBe(0);
  expect(fast.handedOff).toBe(1);
  expect(fast.answers).toEqual(http.answers);
  expect(fast.closed).toBe(http.closed);
  expect(fast.upstream).toBe(http.upstream);
}


describe("fast path: request smuggling and framing", () => {
  it("hands off Content-Length with Transfer-Encoding (CL.TE smuggling); node:http refuses it with 400 and closes", async () => {
    // Attack: CL.TE request smuggling: a proxy that frames by one header and a server by the other disagree on where the next request starts.
    const smuggled = "0\r\n\r\nPOST /api/embed HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
    const seen = await bothDoors([embed(line("Content-Length", String(smuggled.length)) + line("Transfer-Encoding", "chunked"), smuggled)]);
    expectHandedOffAndSame(seen);
    expect(statusOf(seen.fast.answers[0])).toBe(400);
    expect(seen.fast.answers).toHaveLength(1);
    expect(seen.fast.closed).toBe(true);
    expect(seen.fast.upstream).toBe(0);
  });

  it("hands off an obfuscated Transfer-Encoding (space before the colon, odd case, a list)", async () => {
    // Attack: TE.CL smuggling with a Transfer-Encoding header a lax parser would not recognise.
    for (const header of ["Transfer-Encoding : chunked\r\n", "TRANSFER-encoding: chunked\r\n", "Transfer-Encoding: gzip, chunked\r\n"]) {
      const seen = await bothDoors([embed(line("Content-Length", String(BODY.length)) + header)]);
      expectHandedOffAndSame(seen);
      expect(statusOf(seen.fast.answers[0]), header).toBe(400);
    }
  });

  it("hands off two Content-Length headers (CL.CL), equal or not", async () => {
    // Attack: CL.CL smuggling: one hop reads the first length, the next hop the second.
    for (const second of ["2", String(BODY.length)]) {
      const seen = await bothDoors([embed(line("Content-Length", String(BODY.length)) + line("Content-Length", second))]);
      expectHandedOffAndSame(seen);
      expect(statusOf(seen.fast.answers[0]), second).toBe(400);
      expect(seen.fast.upstream).toBe(0);
    }
  });

  it("hands off a negative, signed, hex, padded, listed, leading-zero or huge Content-Length", async () => {
    // Attack: lengths a lax parser reads as a number (parseInt("-1"), Number("0x2"), Number(" 2 ")) and frames wrongly.
    for (const value of ["-1", "+17", "0x11", "17 ", "1 7", "17,17", "017", "1e3", "99999999999999999999"]) {
      const seen = await bothDoors([`POST /api/embed HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${value}\r\n\r\n${BODY}`]);
      expectHandedOffAndSame(seen);
      expect(seen.fast.answers.length, value).toBeGreaterThan(0);
    }
  });

  it("never reads a request out of a body: the bytes after the head are the body, by Content-Length", async () => {
    // Attack: a body that looks like a second request (a pull of another model), hoping a parser splits on the blank line.
    const inner = "POST /api/pull HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
    const seen = await bothDoors([embed(line("Content-Length", String(inner.length)), inner)]);
    expect(seen.fast.served).toBe(1);
    expect(seen.fast.answers).toEqual(seen.http.answers);
    expect(seen.fast.answers.map(statusOf)).toEqual([400]);
    expect(seen.fast.upstream).toBe(0);
  });
});

describe("fast path: header injection and malformed heads", () => {
  it("hands off a bare CR, a bare LF, a NUL, a DEL or an obs-fold in the head; node:http refuses each", async () => {
    // Attack: header injection: bytes a lax parser reads as a line break (or ignores) hide or forge a header.
    const cases = [
      `X-Note: a\rContent-Length: 0\r\n`,
      `X-Note: a\nContent-Length: 0\r\n`,
      `X-Note: a\x00b\r\n`,
      `X-Note: a\x7fb\r\n`,
      `X-Note: a\r\n folded\r\n`,
    ];
    for (const extra of cases) {
      const seen = await bothDoors([embed(line("Content-Length", String(BODY.length)) + extra)]);
      expectHandedOffAndSame(seen);
      expect(statusOf(seen.fast.answers[0]), JSON.stringify(extra)).toBe(400);
      expect(seen.fast.upstream).toBe(0);
    }
  });

  it("hands off bare-LF line ends, a lowercase method, HTTP/1.0, a query string and an absolute target", async () => {
    // Attack: request lines and line ends a lax parser accepts differently from a strict one.
    const heads = [
      `POST /api/embed HTTP/1.1\nHost: x\nAuthorization: Bearer ${TOKEN}\nContent-Length: ${BODY.length}\n\n${BODY}`,
      `post /api/embed HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
      `POST /api/embed HTTP/1.0\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
      `POST /api/embed?x=1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
      `POST http://x/api/embed HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
      `POST /api/embed HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`, // no Host
    ];
    for (const raw of heads) {
      const seen = await bothDoors([raw]);
      expectHandedOffAndSame(seen);
    }
  });

  it("hands off a second Authorization header, and Expect, Upgrade and Connection: close requests", async () => {
    // Attack: a second token header, hoping one layer checks the first and another uses the last.
    const extras = [line("Authorization", "Bearer wrong-token-wrong-token"), line("Expect", "100-continue"), line("Upgrade", "h2c") + line("Connection", "Upgrade"), line("Connection", "close")];
    for (const extra of extras) {
      const seen = await bothDoors([embed(line("Content-Length", String(BODY.length)) + extra)]);
      expectHandedOffAndSame(seen);
    }
  });

  it("hands off a head over the fast path's 4 KB (node:http serves it) and over node:http's 8 KB (431)", async () => {
    // Attack: an over-long head, to exhaust a parser's buffer or slip past its limit.
    const served = await bothDoors([embed(line("X-Pad", "a".repeat(5_000)) + line("Content-Length", String(BODY.length)))]);
    expectHandedOffAndSame(served);
    expect(statusOf(served.fast.answers[0])).toBe(200);
    const refused = await bothDoors([embed(line("X-Pad", "a".repeat(9_000)) + line("Content-Length", String(BODY.length)))]);
    expectHandedOffAndSame(refused);
    expect(statusOf(refused.fast.answers[0])).toBe(431);
    expect(refused.fast.upstream).toBe(0);
  });
});

describe("fast path: slow and silent clients", () => {
  it("hands a partial head to node:http, whose header timeout cuts it off (slowloris)", async () => {
    // Attack: slowloris, a head sent a few bytes at a time so it never completes.
    const bytes = embed(line("Content-Length", String(BODY.length))).match(/.{1,4}/gs) ?? [];
    await expectHandedOffThenTimedOut(bytes, 40);
  });

  it("answers 408 and closes a connection that sends nothing, as node:http does", async () => {
    // Attack: connections opened and left silent, to use up the connection cap.
    const seen = await bothDoors([], { waitMs: 2_000 }, { headersTimeoutMs: 200 });
    expect(seen.fast.closed).toBe(true);
    expect(seen.fast.answers).toEqual(seen.http.answers);
    expect(seen.fast.answers.map(statusOf)).toEqual([408]);
  });

  it("hands off a body that has not all arrived; node:http waits for the rest under its request timeout", async () => {
    // Attack: a body declared long and sent slowly, to hold a request open.
    await expectHandedOffThenTimedOut([embed(line("Content-Length", String(BODY.length + 10)))]);
  });
});

// Sends `chunks` (`gapMs` apart) to a gateway with short timeouts: the fast path hands the
// connection off, node:http answers 408 and closes it, and Ollama never hears of it.
async function expectHandedOffThenTimedOut(chunks: string[], gapMs?: number): Promise<void> {
  const h = await startHarness({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
  try {
    const { answers, closed } = await rawExchange(h.url, chunks, { gapMs, waitMs: 3_000 });
    expect(closed).toBe(true);
    expect(answers.map(statusOf)).toEqual([408]);
    expect(h.gateway.metrics.fastPath).toEqual({ served: 0, handedOff: 1 });
    expect(h.fake.requests).toHaveLength(0);
  } finally {
    await h.stop();
  }
}

// True once the fake saw no new request for 500 ms.
async function stalled(h: { fake: { requests: unknown[] } }): Promise<boolean> {
  const before = h.fake.requests.length;
  await new Promise((r) => setTimeout(r, 500));
  return before > 0 && h.fake.requests.length === before;
}

describe("fast path: clients that do not read", () => {
  it("stops serving a pipelining client that does not read its answers, so they cannot pile up in memory", async () => {
    // Attack: thousands of pipelined requests from a client that never reads, so every answer would wait in the gateway's memory.
    for (const fastPath of [true, false]) {
      const h = await startHarness({ fastPath, burst: 1_000_000 }, { dimensions: 4_096 });
      try {
        const socket = connect(Number(new URL(h.url).port), "127.0.0.1");
        socket.on("error", () => undefined);
        socket.pause(); // never reads: the answers (~80 KB each) fill the kernel's buffers, then the gateway's
        const one = embed(line("Content-Length", String(BODY.length)));
        socket.write(one.repeat(5_000));
        // Served until the socket buffers are full, then no more while the client does not read.
        await expect.poll(() => stalled(h), { timeout: 10_000, interval: 100 }).toBe(true);
        const served = h.fake.requests.length;
        await new Promise((r) => setTimeout(r, 1_000));
        expect(h.fake.requests.length, `fastPath ${fastPath}`).toBe(served);
        expect(served).toBeLessThan(5_000);
        socket.destroy();
      } finally {
        await h.stop();
      }
    }
  });
});
