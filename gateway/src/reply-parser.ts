// Reads one HTTP/1.1 reply from an upstream, chunk by chunk: status, headers, then a body
// framed by Content-Length, chunked encoding, or the end of the connection. Sized for
// Ollama's answers: a cap on the head and on the body, and nothing kept beyond the body.
// Like request-head.ts it reads bytes in place, in plain loops: on a CPU whose caches went
// cold while the gateway waited, each regex, string and sub-buffer cost more than its work.
import { bytesOf, decimalOf, spells } from "./ascii";

const MAX_HEAD_BYTES = 16 * 1024; // Ollama's heads are ~200 bytes; a longer one is not Ollama
const MAX_CHUNK_SIZE_DIGITS = 8; // hex digits: chunks up to 4 GB, far past any body cap
const EMPTY = Buffer.alloc(0);
const [CR, LF, SPACE, TAB, COLON, SEMICOLON, COMMA, ZERO, NINE, DEL] = [0x0d, 0x0a, 0x20, 0x09, 0x3a, 0x3b, 0x2c, 0x30, 0x39, 0x7f];
const HTTP_1 = Buffer.from("HTTP/1.", "latin1");
const CONTENT_LENGTH = bytesOf("content-length");
const TRANSFER_ENCODING = bytesOf("transfer-encoding");
const CONNECTION = bytesOf("connection");
const CHUNKED = bytesOf("chunked");
const KEEP_ALIVE = bytesOf("keep-alive");

/** Raised for a reply that is not well-formed HTTP/1.1 or is over its caps. */
export class ReplyError extends Error {}

/** An incremental reply reader; `push` each chunk until it answers true. */
export type ReplyParser = {
  /** Takes the next chunk; true once the reply is complete. Throws ReplyError. */
  push(chunk: Buffer): boolean;
  /** The connection ended: true if that completes a close-delimited body. */
  end(): boolean;
  readonly status: number;
  /** Whether the connection may carry the next request. */
  readonly keepAlive: boolean;
  body(): Buffer;
};

/** Creates a reader for one reply whose body may not exceed `maxBodyBytes`. */
export function createReplyParser(maxBodyBytes: number): ReplyParser {
  return new Parser(maxBodyBytes);
}

type Phase = "head" | "length" | "chunk-size" | "chunk-data" | "chunk-end" | "trailer" | "close" | "done";

// A class rather than closures: one object per call, its methods shared by every call.
class Parser implements ReplyParser {
  private pending: Buffer = EMPTY; // bytes in hand; those before `at` are consumed
  private at = 0;
  private scanned = 0; // where the search for the end of the head (or a line) goes on
  private phase: Phase = "head";
  status = 0;
  keepAlive = true;
  private remaining = 0; // bytes left in the body or in the current chunk
  private readonly parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxBodyBytes: number) {}

  push(chunk: Buffer): boolean {
    // What is left unconsumed moves to the front; the search for a line end goes on where it was.
    const kept = this.pending.length - this.at;
    this.scanned = kept > 0 ? Math.max(0, this.scanned - this.at) : 0;
    this.pending = kept > 0 ? Buffer.concat([this.pending.subarray(this.at), chunk]) : chunk;
    this.at = 0;
    while (this.phase !== "done" && this.step());
    // Bytes after the reply: the upstream spoke out of turn; the connection is not reused.
    if (this.phase === "done" && this.at < this.pending.length) this.keepAlive = false;
    return this.phase === "done";
  }

  end(): boolean {
    if (this.phase !== "close") return false;
    this.phase = "done";
    return true;
  }

  body(): Buffer {
    return this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size);
  }

  private take(from: number, to: number): void {
    this.size += to - from;
    if (this.size > this.maxBodyBytes) throw new ReplyError("reply body over its cap");
    this.parts.push(from === 0 && to === this.pending.length ? this.pending : this.pending.subarray(from, to));
  }

  // The CR of the CRLF ending the chunk line at `this.at`, or -1 while it is not all in hand.
  private chunkLineEnd(): number {
    const { pending, at } = this;
    for (let i = Math.max(at, this.scanned); i + 1 < pending.length; i++) {
      if (pending[i] === CR && pending[i + 1] === LF) return i;
    }
    this.scanned = Math.max(at, pending.length - 1);
    if (pending.length - at > MAX_HEAD_BYTES) throw new ReplyError("chunk line too long");
    return -1;
  }

  private step(): boolean {
    switch (this.phase) {
      case "head":
        return this.readHead();
      case "length":
      case "chunk-data": {
        const { pending, at } = this;
        if (at >= pending.length) return false;
        const to = Math.min(pending.length, at + this.remaining);
        this.take(at, to);
        this.remaining -= to - at;
        this.at = to;
        if (this.remaining > 0) return false;
        this.phase = this.phase === "length" ? "done" : "chunk-end";
        return true;
      }
      case "chunk-end": {
        if (this.pending.length - this.at < 2) return false;
        if (this.pending[this.at] !== CR || this.pending[this.at + 1] !== LF) throw new ReplyError("chunk not followed by CRLF");
        this.at += 2;
        this.phase = "chunk-size";
        return true;
      }
      case "chunk-size":
      case "trailer": {
        const end = this.chunkLineEnd();
        if (end < 0) return false;
        const start = this.at;
        this.at = this.scanned = end + 2;
        if (this.phase === "trailer") {
          if (end === start) this.phase = "done";
          return true;
        }
        this.remaining = chunkSizeOf(this.pending, start, end);
        if (this.size + this.remaining > this.maxBodyBytes) throw new ReplyError("reply body over its cap");
        this.phase = this.remaining === 0 ? "trailer" : "chunk-data";
        return true;
      }
      case "close":
        if (this.at < this.pending.length) this.take(this.at, this.pending.length);
        this.at = this.pending.length;
        return false;
      default:
        return false;
    }
  }

  // The status line and headers, once the empty line that ends them is in hand.
  private readHead(): boolean {
    const { pending } = this;
    const start = this.at;
    let headEnd = -1; // the CRLF CRLF after the last header line
    for (let i = Math.max(start, this.scanned); i + 3 < pending.length; i++) {
      if (pending[i] === CR && pending[i + 1] === LF && pending[i + 2] === CR && pending[i + 3] === LF) {
        headEnd = i;
        break;
      }
    }
    if (headEnd < 0) {
      this.scanned = Math.max(start, pending.length - 3);
      if (pending.length - start > MAX_HEAD_BYTES) throw new ReplyError("reply head too long");
      return false;
    }
    // A control byte other than a tab, or a CR or LF that is not a line's CRLF, is not
    // guessed at (a bare CR would even read as `-` in a header name): the reply is refused.
    for (let i = start; i < headEnd; i++) {
      const c = pending[i];
      if (c === CR && pending[i + 1] === LF) i++;
      else if ((c < SPACE && c !== TAB) || c === DEL) throw new ReplyError("control byte in reply head");
    }
    // The status line: `HTTP/1.x NNN`, then a space and a reason phrase, or nothing.
    const statusEnd = lineEndBefore(pending, start, headEnd);
    const minor = pending[start + 7];
    const status = decimalOf(pending, start + 9, start + 12);
    const isStatusLine = statusEnd - start >= 12 && spellsExactly(pending, start, HTTP_1) && (minor === ZERO || minor === ZERO + 1) && pending[start + 8] === SPACE && status >= 0 && (statusEnd === start + 12 || pending[start + 12] === SPACE);
    if (!isStatusLine) throw new ReplyError("not an HTTP/1.x status line");
    let length = -1;
    let chunked = false;
    let keepAlive = minor !== ZERO;
    // Header lines; only three names matter.
    for (let line = statusEnd + 2; line < headEnd; ) {
      const end = lineEndBefore(pending, line, headEnd);
      let colon = line;
      while (colon < end && pending[colon] !== COLON) colon++;
      if (colon === line || colon === end) throw new ReplyError("malformed header line");
      const [nameStart, nameEnd] = trimmed(pending, line, colon);
      const [valueStart, valueEnd] = trimmed(pending, colon + 1, end);
      if (spells(pending, nameStart, nameEnd, CONTENT_LENGTH)) {
        const value = decimalOf(pending, valueStart, valueEnd);
        if (value < 0 || (length >= 0 && length !== value)) throw new ReplyError("bad Content-Length");
        length = value;
      } else if (spells(pending, nameStart, nameEnd, TRANSFER_ENCODING)) {
        // The last coding decides: `gzip, chunked` is chunked, `chunked, gzip` is not.
        let comma = valueEnd;
        while (comma > valueStart && pending[comma - 1] !== COMMA) comma--;
        const [lastStart, lastEnd] = trimmed(pending, comma, valueEnd);
        chunked = spells(pending, lastStart, lastEnd, CHUNKED);
      } else if (spells(pending, nameStart, nameEnd, CONNECTION)) keepAlive = spells(pending, valueStart, valueEnd, KEEP_ALIVE);
      line = end + 2;
    }
    this.at = this.scanned = headEnd + 4;
    this.status = status;
    this.keepAlive = keepAlive;
    if (status >= 100 && status < 200) return true; // an interim answer: the real one follows
    if (status === 204 || status === 304) this.phase = "done";
    else if (chunked) this.phase = "chunk-size";
    else if (length >= 0) {
      if (length > this.maxBodyBytes) throw new ReplyError("declared reply body over its cap");
      this.remaining = length;
      this.phase = length === 0 ? "done" : "length";
    } else {
      this.keepAlive = false;
      this.phase = "close";
    }
    return true;
  }
}

// The CR of the first CRLF in [start, limit), or `limit` (where the head's last CRLF is).
function lineEndBefore(buffer: Buffer, start: number, limit: number): number {
  for (let i = start; i < limit; i++) if (buffer[i] === CR && buffer[i + 1] === LF) return i;
  return limit;
}

function spellsExactly(buffer: Buffer, start: number, word: Buffer): boolean {
  for (let i = 0; i < word.length; i++) if (buffer[start + i] !== word[i]) return false;
  return true;
}

// [start, end) without the spaces and tabs at either end.
function trimmed(buffer: Buffer, start: number, end: number): [number, number] {
  while (start < end && (buffer[start] === SPACE || buffer[start] === TAB)) start++;
  while (end > start && (buffer[end - 1] === SPACE || buffer[end - 1] === TAB)) end--;
  return [start, end];
}

// A chunk-size line: hex digits, optional spaces, then nothing or `;` and an extension.
function chunkSizeOf(buffer: Buffer, start: number, end: number): number {
  let at = trimmed(buffer, start, end)[0];
  let value = 0;
  const from = at;
  for (; at < end && at - from < MAX_CHUNK_SIZE_DIGITS + 1; at++) {
    const digit = hexValue(buffer[at]);
    if (digit < 0) break;
    value = value * 16 + digit;
  }
  const digits = at - from;
  while (at < end && (buffer[at] === SPACE || buffer[at] === TAB)) at++;
  if (digits === 0 || digits > MAX_CHUNK_SIZE_DIGITS || (at < end && buffer[at] !== SEMICOLON)) throw new ReplyError("bad chunk size");
  return value;
}

function hexValue(c: number): number {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
