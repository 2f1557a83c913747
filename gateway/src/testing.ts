// Test helpers (not bundled): a gateway on port 0 in front of the shared fake
// Ollama, a private tokens file, and a raw socket for requests fetch refuses to send.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeOllama } from "../../test/fake-ollama";
import type { FakeOllama, FakeOllamaOptions } from "../../test/fake-ollama";
import { DEFAULTS, withDefaults } from "./config";
import type { GatewayConfig } from "./config";
import { createServer } from "./server";
import type { Gateway } from "./server";

export const TOKEN = "a".repeat(40) + "good-token";
export const OTHER_TOKEN = "b".repeat(40) + "second-token";

/** Writes tokens to a fresh temp file with the given mode (600 by default). */
export function writeTokensFile(content: string, mode = 0o600): string {
  const path = join(mkdtempSync(join(tmpdir(), "gateway-")), "tokens");
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

/** A gateway and a fake Ollama, torn down together. */
export type Harness = { gateway: Gateway; url: string; fake: FakeOllama; logs: string[]; tokensFile: string; stop(): Promise<void> };

/** Starts the fake Ollama (tiny vectors) and a gateway on port 0 in front of it. */
export async function startHarness(overrides: Partial<GatewayConfig> = {}, fakeOptions: FakeOllamaOptions = {}): Promise<Harness> {
  const fake = await startFakeOllama({ dimensions: 8, ...fakeOptions });
  const logs: string[] = [];
  const tokensFile = overrides.tokensFile ?? writeTokensFile(`# test tokens\n${TOKEN}\n# second client\n${OTHER_TOKEN}\n`);
  const concurrency = overrides.concurrency ?? DEFAULTS.concurrency;
  const config = withDefaults({ port: 0, upstreams: [{ url: new URL(fake.url), concurrency }], cacheEntries: 0, log: (line) => logs.push(line), ...overrides, tokensFile });
  const gateway = createServer(config);
  const url = await gateway.listen();
  // The start-up probe (GET /api/tags) is not what the tests count.
  fake.requests.length = 0;
  logs.length = 0;
  return {
    gateway,
    url,
    fake,
    logs,
    tokensFile,
    async stop() {
      await gateway.close();
      await fake.close();
    },
  };
}

/** POSTs JSON (or raw text) with an optional bearer token. */
export function post(url: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
  const body = typeof options.body === "string" ? options.body : JSON.stringify(options.body ?? { model: "bge-m3", input: "hello" });
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return fetch(url, { method: "POST", body, headers, signal: options.signal });
}

/**
 * Sends raw bytes on one TCP connection (`gapMs` between chunks) and resolves with what
 * came back once the server closed, `waitMs` passed, or `enough(text)` held for `settleMs`.
 */
function exchangeBytes(url: string, chunks: Array<string | Buffer>, options: { gapMs?: number; waitMs: number; settleMs?: number; enough?: (text: string) => boolean }): Promise<{ text: string; closed: boolean }> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let text = "";
    let closed = false;
    let settling: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      clearTimeout(settling);
      socket.destroy();
      resolve({ text, closed });
    };
    const timer = setTimeout(finish, options.waitMs);
    socket.on("data", (data) => {
      text += data.toString("latin1");
      if (!settling && options.enough?.(text)) settling = setTimeout(finish, options.settleMs ?? 150);
    });
    socket.on("close", () => {
      closed = true;
      finish();
    });
    socket.on("error", () => undefined);
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
    });
  });
}

/** Sends raw bytes over TCP (paths and methods fetch would normalise) and resolves with what came back by the time the server closed or `waitMs` passed. */
export function rawRequest(url: string, chunks: Array<string | Buffer>, options: { gapMs?: number; waitMs?: number } = {}): Promise<{ text: string; closed: boolean }> {
  return exchangeBytes(url, chunks, { gapMs: options.gapMs, waitMs: options.waitMs ?? 2_000 });
}

/** A raw socket kept open to the gateway: what it has received so far (latin1) and whether it closed. */
export function openRawConnection(url: string): { socket: Socket; seen(): string; closed(): boolean } {
  const socket = connect(Number(new URL(url).port), "127.0.0.1");
  let text = "";
  let closed = false;
  socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
  socket.on("close", () => (closed = true));
  return { socket, seen: () => text, closed: () => closed };
}

/** The status code of a raw HTTP response, or 0 if none arrived. */
export function statusOf(raw: string | undefined): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(raw ?? "")?.[1] ?? 0);
}

/** The paths the fake Ollama received. */
export function upstreamPaths(fake: FakeOllama): string[] {
  return fake.requests.map((r) => `${r.method} ${r.path}`);
}

/** Reads OpenAI's `encoding_format: "base64"`: little-endian float32, decoded independently of the gateway's encoder. */
export function decodeFloat32Base64(text: string): number[] {
  const bytes = Buffer.from(text, "base64");
  return Array.from({ length: Math.floor(bytes.length / 4) }, (_, i) => bytes.readFloatLE(i * 4));
}

/** Sends raw bytes on one connection; resolves with each whole answer (Date blanked) once `answers` arrived and `settleMs` passed, the server closed, or `waitMs` passed. */
export async function rawExchange(url: string, chunks: Array<string | Buffer>, options: { answers?: number; gapMs?: number; waitMs?: number; settleMs?: number } = {}): Promise<{ answers: string[]; closed: boolean }> {
  const wanted = options.answers ?? 1;
  const { text, closed } = await exchangeBytes(url, chunks, { gapMs: options.gapMs, waitMs: options.waitMs ?? 3_000, settleMs: options.settleMs, enough: (seen) => splitAnswers(seen).length >= wanted });
  return { answers: splitAnswers(text).map((a) => a.replace(/\r\nDate: [^\r]*/g, "\r\nDate: -")), closed };
}

// Whole HTTP answers in `text`, framed by Content-Length (none: an empty body).
function splitAnswers(text: string): string[] {
  const answers: string[] = [];
  let at = 0;
  for (;;) {
    const headEnd = text.indexOf("\r\n\r\n", at);
    if (headEnd < 0) return answers;
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(text.slice(at, headEnd))?.[1] ?? 0);
    const end = headEnd + 4 + length;
    if (end > text.length) return answers;
    answers.push(text.slice(at, end));
    at = end;
  }
}

/** What a gateway did with some raw bytes: answers (Date and the fake's timings blanked), closed, upstream calls, fast-path tallies, the request counters. */
export type Seen = { answers: string[]; closed: boolean; upstream: number; served: number; handedOff: number; counts: string };

// The counters a request moves, whichever door served it.
const COUNTED = ["embed_gateway_requests_total", "embed_gateway_auth_failures_total", "embed_gateway_rate_limited_total"];

/** Sends the same bytes to a gateway with the fast path on, then off; returns what each did. */
export async function bothDoors(chunks: string[], options: { answers?: number; gapMs?: number; waitMs?: number } = {}, overrides: Partial<GatewayConfig> = {}): Promise<{ fast: Seen; http: Seen }> {
  const seen: Seen[] = [];
  for (const fastPath of [true, false]) {
    const h = await startHarness({ ...overrides, fastPath });
    try {
      const { answers, closed } = await rawExchange(h.url, chunks, options);
      const { registry } = h.gateway.metrics;
      const counts = (await Promise.all(COUNTED.map((name) => registry.getSingleMetricAsString(name)))).join("\n");
      seen.push({ answers: answers.map(withoutTimings), closed, upstream: h.fake.requests.length, ...h.gateway.metrics.fastPath, counts });
    } finally {
      await h.stop();
    }
  }
  return { fast: seen[0], http: seen[1] };
}

// The fake reports how long it took, which differs run to run (and so does the length).
function withoutTimings(answer: string): string {
  if (!/_duration":\d/.test(answer)) return answer;
  return answer.replace(/"(total|load)_duration":\d+/g, '"$1_duration":-').replace(/\r\nContent-Length: \d+/, "\r\nContent-Length: -");
}
