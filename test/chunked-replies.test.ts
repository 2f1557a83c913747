// Ollama is Go: net/http sends a reply body larger than its 2,048-byte buffer with
// `Transfer-Encoding: chunked` and no Content-Length, and every bge-m3 answer (1,024 floats a
// vector, ~20 KB) is that large. The fake frames its replies the same way; these tests check
// that on the wire, then that both readers of Ollama's replies, the site's embed client and
// the built gateway run as a process, read a chunked bge-m3 answer to the last float.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { embedTexts } from "@/lib/embed/client";
import type { EmbedEndpoint } from "@/lib/embed/types";
import { GO_CHUNKING_BUFFER_BYTES, hashEmbed, startFakeOllama, type FakeOllama } from "./fake-ollama";
import { rawRequest } from "@/gateway/src/testing";
import { startGatewayProcess } from "./gateway-process";

const BGE_M3_DIMENSIONS = 1024;
const TEXTS = ["What kind of ML work have you done?", "k3s on Raspberry Pis", "ONNX Runtime"];
const TOKEN = `chunked-replies-${"t".repeat(40)}`;

let fake: FakeOllama;
beforeAll(async () => (fake = await startFakeOllama({ dimensions: BGE_M3_DIMENSIONS })));
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** Posts `body` over a raw socket and returns the reply's head and undecoded body, as sent (one byte per character). */
async function rawPost(url: string, path: string, body: string): Promise<{ head: string; body: string }> {
  const { hostname } = new URL(url);
  const { text } = await rawRequest(url, [`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`]);
  const split = text.indexOf("\r\n\r\n");
  return { head: text.slice(0, split), body: text.slice(split + 4) };
}

const header = (head: string, name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(head)?.[1]?.trim();
const expected = (texts: string[]) => texts.map((text) => hashEmbed(text, BGE_M3_DIMENSIONS).map(Math.fround));

describe("the fake frames replies as Go's net/http does", () => {
  it("sends a 1,024-dimension answer chunked, with no Content-Length, and the chunks decode to Ollama's JSON", async () => {
    const { head, body } = await rawPost(fake.url, "/api/embed", JSON.stringify({ model: "bge-m3", input: TEXTS }));
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(header(head, "Transfer-Encoding")).toBe("chunked");
    expect(header(head, "Content-Length")).toBeUndefined();
    // Undo the chunking by hand: hex size, CRLF, data, CRLF; a zero size ends it.
    let rest = body;
    let decoded = "";
    for (let size = Number.parseInt(rest, 16); size > 0; size = Number.parseInt(rest, 16)) {
      const start = rest.indexOf("\r\n") + 2;
      decoded += rest.slice(start, start + size);
      rest = rest.slice(start + size + 2);
    }
    expect(rest).toBe("0\r\n\r\n");
    expect(Buffer.byteLength(decoded)).toBeGreaterThan(GO_CHUNKING_BUFFER_BYTES);
    expect(JSON.parse(decoded).embeddings).toEqual(TEXTS.map((text) => hashEmbed(text, BGE_M3_DIMENSIONS)));
  });

  it("gives a small reply a Content-Length: the NaN 500 in Ollama's shape, and a reply of exactly the buffer's size", async () => {
    fake.poisonInputs("NaN-marker");
    const nan = await rawPost(fake.url, "/api/embed", JSON.stringify({ model: "bge-m3", input: ["a NaN-marker text"] }));
    expect(nan.head).toMatch(/^HTTP\/1\.1 500 /);
    expect(header(nan.head, "Transfer-Encoding")).toBeUndefined();
    expect(nan.body).toBe('{"error":"failed to encode response: json: unsupported value: NaN"}');
    expect(header(nan.head, "Content-Length")).toBe(String(nan.body.length));

    // The boundary: 2,048 bytes still fit the buffer, 2,049 do not.
    for (const size of [GO_CHUNKING_BUFFER_BYTES, GO_CHUNKING_BUFFER_BYTES + 1]) {
      fake.answerRaw("x".repeat(size));
      const { head } = await rawPost(fake.url, "/api/embed", JSON.stringify({ model: "bge-m3", input: "a" }));
      expect([header(head, "Content-Length"), header(head, "Transfer-Encoding")]).toEqual(size === GO_CHUNKING_BUFFER_BYTES ? [String(size), undefined] : [undefined, "chunked"]);
    }
  });
});

describe("a chunked bge-m3 answer, read by the project's clients", () => {
  it("the site's embed client reads it straight from Ollama, on both wire formats", async () => {
    const endpoint: EmbedEndpoint = { url: fake.url, api: "ollama", model: "bge-m3" };
    expect((await embedTexts({ endpoint, texts: TEXTS, dimensions: BGE_M3_DIMENSIONS })).map((v) => [...v])).toEqual(expected(TEXTS));
    const openai = await embedTexts({ endpoint: { ...endpoint, api: "openai" }, texts: TEXTS, dimensions: BGE_M3_DIMENSIONS });
    expect(openai.map((v) => [...v])).toEqual(expected(TEXTS));
  });

  it("the built gateway, as a process, reads it from Ollama and hands the site the same vectors", async () => {
    const gateway = await startGatewayProcess({ ollamaUrl: fake.url, token: TOKEN });
    try {
      fake.reset();
      for (const api of ["ollama", "openai"] as const) {
        const texts = TEXTS.map((text) => `${text} (${api})`); // new texts: the gateway's cache must not answer
        const vectors = await embedTexts({ endpoint: { url: gateway.url, api, model: "bge-m3", secret: TOKEN }, texts, dimensions: BGE_M3_DIMENSIONS, maxRetries: 0 });
        expect(vectors.map((v) => [...v]), gateway.output()).toEqual(expected(texts));
      }
      // Both reached Ollama's /api/embed, whose answer to three texts is chunked (first test).
      expect(fake.requests.filter((r) => r.path === "/api/embed").map((r) => (r.body as { input: string[] }).input.length)).toEqual([3, 3]);
    } finally {
      await gateway.stop();
    }
  });
});
