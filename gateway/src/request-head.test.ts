// The fast path's byte-loop parser against its grammar: the same verdict (serve, with the
// same token and body bounds, or hand off) as a plain regex statement of the accepted
// shape, on valid requests and on many thousands of byte-level mutations of them.
import { describe, expect, it } from "vitest";
import { judgeRequest } from "./request-head";

const MAX_HEAD = 4096;
// The grammar, as the fast path documents it: a token name, a colon, optional spaces or
// tabs, then a value of printable ASCII that neither starts nor ends with whitespace.
const LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*((?:[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?)?)$/;
const FRAMING = ["transfer-encoding", "expect", "upgrade", "te", "trailer", "http2-settings"];
const START = "POST /api/embed HTTP/1.1\r\n";

// The verdict with the token's value as a string, as the grammar states it.
type Shown = { kind: "hand-off" } | { kind: "embed"; authorization: string | undefined; bodyStart: number; bodyEnd: number };
function shown(buffer: Buffer): Shown {
  const verdict = judgeRequest(buffer);
  if (verdict.kind === "hand-off") return verdict;
  const { authorization } = verdict;
  return { ...verdict, authorization: authorization && buffer.toString("latin1", authorization.start, authorization.end) };
}

function byGrammar(buffer: Buffer): Shown {
  const off = { kind: "hand-off" } as const;
  const text = buffer.toString("latin1");
  if (!text.startsWith(START)) return off;
  const end = text.slice(0, MAX_HEAD).indexOf("\r\n\r\n", START.length - 2);
  if (end < START.length) return off;
  let hosts = 0;
  let length: number | undefined;
  let authorization: string | undefined;
  let connection = false;
  for (const line of text.slice(START.length, end).split("\r\n")) {
    const match = LINE.exec(line);
    if (!match) return off;
    const [name, value] = [match[1].toLowerCase(), match[2]];
    if (FRAMING.includes(name)) return off;
    if (name === "host") hosts++;
    else if (name === "content-length") {
      if (length !== undefined || !/^(?:0|[1-9][0-9]{0,6})$/.test(value)) return off;
      length = Number(value);
    } else if (name === "authorization") {
      if (authorization !== undefined) return off;
      authorization = value;
    } else if (name === "connection") {
      if (connection || value.toLowerCase() !== "keep-alive") return off;
      connection = true;
    }
  }
  if (hosts !== 1 || length === undefined || end + 4 + length > buffer.length) return off;
  return { kind: "embed", authorization, bodyStart: end + 4, bodyEnd: end + 4 + length };
}

// A small seeded generator, so a failure is reproducible.
function randomFrom(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const body = '{"model":"bge-m3","input":"hello"}';
const valid = (extra = "") =>
  `${START}Host: 127.0.0.1\r\nAuthorization: Bearer abc.def-123\r\nContent-Type: application/json\r\n${extra}Content-Length: ${body.length}\r\n\r\n${body}`;
const PIECES = ["\r", "\n", "\r\n", "\0", " ", "\t", ":", "\x7f", "\x80", "\xff", "a", "A", "0", "-", ",", "Host: x\r\n", "Content-Length: 5\r\n", "Transfer-Encoding: chunked\r\n", "Connection: close\r\n", "Connection: Keep-Alive\r\n", " folded\r\n", "Authorization: Bearer x\r\n"];

describe("the fast path's request parser", () => {
  it("serves a plain embed request, with the token and the body's bounds", () => {
    const buffer = Buffer.from(valid(), "latin1");
    expect(shown(buffer)).toEqual({ kind: "embed", authorization: "Bearer abc.def-123", bodyStart: buffer.length - body.length, bodyEnd: buffer.length });
  });

  it("attack: smuggling and malformed heads (byte-level mutations) get the grammar's verdict, never a laxer one", () => {
    const random = randomFrom(20261130);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    let served = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = valid(random() < 0.3 ? pick(PIECES.filter((p) => p.endsWith("\r\n"))) : "");
      if (random() < 0.2) text = text.replace("Host", pick(["host", "HOST", "hOsT", "Hos t", "Host "]));
      if (random() < 0.2) text = text.replace(/Content-Length: \d+/, `Content-Length: ${pick(["0", "00", "034", "+34", "34 ", " 34", "3a", "12345678", "1234567", String(body.length)])}`);
      for (let k = Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * (text.length + 1));
        text = random() < 0.7 ? text.slice(0, at) + pick(PIECES) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      }
      if (random() < 0.1) text = text.slice(0, Math.floor(random() * text.length)); // not whole in hand
      const buffer = Buffer.from(text, "latin1");
      const verdict = shown(buffer);
      expect(verdict, JSON.stringify(text)).toEqual(byGrammar(buffer));
      if (verdict.kind === "embed") served++;
    }
    // Both verdicts occur often enough for the comparison to mean something.
    expect(served).toBeGreaterThan(2_000);
    expect(served).toBeLessThan(18_000);
  });

  it("hands off a head whose end lies past 4 KB, and serves one that ends just inside it", () => {
    const pad = (size: number) => `X-Pad: ${"p".repeat(size)}\r\n`;
    const base = Buffer.byteLength(valid()) - body.length; // head bytes without padding
    const fits = Buffer.from(valid(pad(MAX_HEAD - base - 9)), "latin1");
    const over = Buffer.from(valid(pad(MAX_HEAD - base - 8)), "latin1");
    expect(judgeRequest(fits).kind).toBe("embed");
    expect(judgeRequest(over).kind).toBe("hand-off");
    expect(byGrammar(fits).kind).toBe("embed");
    expect(byGrammar(over).kind).toBe("hand-off");
  });
});
