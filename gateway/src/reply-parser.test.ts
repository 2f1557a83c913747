import { describe, expect, it } from "vitest";
import { ReplyError, createReplyParser } from "./reply-parser";

const body = JSON.stringify({ model: "bge-m3", embeddings: [[0.25, -0.5]] });
// Go's net/http (Ollama) sends bodies over 2 KB chunked; a small one with Content-Length.
const lengthReply = `HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nDate: Mon, 01 Jan 2026 00:00:00 GMT\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
const chunkedReply = `HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n${(10).toString(16)}\r\n${body.slice(0, 10)}\r\n${(body.length - 10).toString(16)};ext=1\r\n${body.slice(10)}\r\n0\r\n\r\n`;

/** Feeds `reply` split at every position into two pieces, and as one byte at a time. */
function readAllWays(reply: string, maxBody = 1_000) {
  const results = [];
  const splits = [...Array.from({ length: reply.length - 1 }, (_, i) => [reply.slice(0, i + 1), reply.slice(i + 1)]), reply.split("")];
  for (const pieces of splits) {
    const parser = createReplyParser(maxBody);
    const done = pieces.map((piece) => parser.push(Buffer.from(piece, "latin1")));
    results.push({ done: done.at(-1), early: done.slice(0, -1).some(Boolean), status: parser.status, body: parser.body().toString(), keepAlive: parser.keepAlive });
  }
  return results;
}

describe("createReplyParser", () => {
  it("reads a Content-Length reply however the bytes are split", () => {
    for (const r of readAllWays(lengthReply)) expect(r).toEqual({ done: true, early: false, status: 200, body, keepAlive: true });
  });

  it("reads a chunked reply (with a chunk extension) however the bytes are split", () => {
    for (const r of readAllWays(chunkedReply)) expect(r).toEqual({ done: true, early: false, status: 200, body, keepAlive: true });
  });

  it("skips an interim 100 Continue, reads an error status, and honours Connection: close", () => {
    const parser = createReplyParser(1_000);
    expect(parser.push(Buffer.from(`HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}`))).toBe(true);
    expect([parser.status, parser.body().toString(), parser.keepAlive]).toEqual([404, "{}", false]);
  });

  it("reads a body without a length until the connection ends, and never reuses that connection", () => {
    const parser = createReplyParser(1_000);
    expect(parser.push(Buffer.from("HTTP/1.0 200 OK\r\n\r\nabc"))).toBe(false);
    expect(parser.push(Buffer.from("def"))).toBe(false);
    expect(parser.end()).toBe(true);
    expect([parser.body().toString(), parser.keepAlive]).toEqual(["abcdef", false]);
  });

  it("refuses a body over its cap, declared or chunked, before buffering it", () => {
    expect(() => createReplyParser(10).push(Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n"))).toThrow(ReplyError);
    expect(() => createReplyParser(10).push(Buffer.from("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n"))).toThrow(/over its cap/);
  });

  it("refuses what is not HTTP: another protocol, bad lengths, bad chunk sizes, an endless head", () => {
    const bad = ["SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", `HTTP/1.1 200 OK\r\n${"X: y\r\n".repeat(4_000)}`];
    for (const reply of bad) expect(() => createReplyParser(1_000).push(Buffer.from(reply)), reply.slice(0, 30)).toThrow(ReplyError);
  });

  it("reads a status line without a reason phrase, the last transfer coding, and names and values in any case with spaces around", () => {
    const parser = createReplyParser(1_000);
    expect(parser.push(Buffer.from("HTTP/1.1 200\r\ntransfer-ENCODING :  gzip ,  CHUNKED \r\nCONNECTION: Keep-Alive\r\n\r\n2\r\n{}\r\n0\r\n\r\n"))).toBe(true);
    expect([parser.status, parser.body().toString(), parser.keepAlive]).toEqual([200, "{}", true]);
    const notChunked = createReplyParser(1_000);
    expect(notChunked.push(Buffer.from("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n2\r\n"))).toBe(false);
    expect(notChunked.keepAlive).toBe(false); // read to the end of the connection, never reused
  });

  it("refuses status lines that are not HTTP/1.0 or 1.1 with three digits and a space before the reason", () => {
    for (const line of ["HTTP/2 200 OK", "HTTP/1.2 200 OK", "HTTP/1.1 20x OK", "HTTP/1.1 200OK", "http/1.1 200 OK", "HTTP/1.1  200 OK"]) {
      expect(() => createReplyParser(1_000).push(Buffer.from(`${line}\r\nContent-Length: 0\r\n\r\n`)), line).toThrow(ReplyError);
    }
  });

  it("attack: refuses a reply head with a bare CR or LF or another control byte (a bare CR would read as '-' in a header name)", () => {
    const heads = ["Content\rLength: 2", "Connection: keep\ralive", "Transfer-Encoding: chunked\r", "X: 1\nContent-Length: 2", "X: a\u0000b", "X: a\u007fb", "Transfer\u000bEncoding: chunked"];
    for (const head of heads) {
      expect(() => createReplyParser(1_000).push(Buffer.from(`HTTP/1.1 200 OK\r\n${head}\r\nContent-Length: 2\r\n\r\n{}`, "latin1")), JSON.stringify(head)).toThrow(ReplyError);
    }
    expect(() => createReplyParser(1_000).push(Buffer.from("HTTP/1.1 200 O\nK\r\nContent-Length: 2\r\n\r\n{}"))).toThrow(ReplyError);
    const tabbed = createReplyParser(1_000); // a tab inside a value is plain
    expect(tabbed.push(Buffer.from("HTTP/1.1 200 OK\r\nX-Note: a\tb\r\nContent-Length: 2\r\n\r\n{}"))).toBe(true);
  });

  it("does not reuse a connection that sent bytes past the end of the reply", () => {
    const parser = createReplyParser(1_000);
    expect(parser.push(Buffer.from(`${lengthReply}HTTP/1.1 200 OK\r\n`))).toBe(true);
    expect(parser.keepAlive).toBe(false);
  });
});
