// Reads one HTTP/1.1 reply from an upstream, chunk by chunk: status, headers, then a body
// framed by Content-Length, chunked encoding, or the end of the connection. Sized for
// Ollama's answers: a cap on the head and on the body, and nothing kept beyond the body.

const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: [^\r]*)?(?:\r\n|$)/;
const MAX_HEAD_BYTES = 16 * 1024; // Ollama's heads are ~200 bytes; a longer one is not Ollama
const CRLF = Buffer.from("\r\n");
const HEAD_END = Buffer.from("\r\n\r\n");
const EMPTY = Buffer.alloc(0);

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

type Phase = "head" | "length" | "chunk-size" | "chunk-data" | "trailer" | "close" | "done";

// A class rather than closures: one object per call, its methods shared by every call.
class Parser implements ReplyParser {
  private pending: Buffer = EMPTY; // bytes not yet consumed
  private phase: Phase = "head";
  status = 0;
  keepAlive = true;
  private remaining = 0; // bytes left in the body or in the current chunk
  private readonly parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxBodyBytes: number) {}

  push(chunk: Buffer): boolean {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (this.phase !== "done" && this.step());
    // Bytes after the reply: the upstream spoke out of turn; the connection is not reused.
    if (this.phase === "done" && this.pending.length > 0) this.keepAlive = false;
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

  private take(bytes: Buffer): void {
    this.size += bytes.length;
    if (this.size > this.maxBodyBytes) throw new ReplyError("reply body over its cap");
    this.parts.push(bytes);
  }

  private readHead(head: string): void {
    const statusLine = STATUS_LINE.exec(head);
    if (!statusLine) throw new ReplyError("not an HTTP/1.x status line");
    this.status = Number(statusLine[2]);
    let length: number | undefined;
    let chunked = false;
    let connection = statusLine[1] === "0" ? "close" : "keep-alive";
    for (let start = head.indexOf("\r\n") + 2; start > 1 && start < head.length; ) {
      let end = head.indexOf("\r\n", start);
      if (end < 0) end = head.length;
      const colon = head.indexOf(":", start);
      if (colon <= start || colon > end) throw new ReplyError("malformed header line");
      const name = head.slice(start, colon).trim().toLowerCase();
      start = end + 2;
      // Only three headers matter; the others (Date, Content-Type ...) are not even lowered.
      if (name !== "content-length" && name !== "transfer-encoding" && name !== "connection") continue;
      const value = head.slice(colon + 1, end).trim().toLowerCase();
      if (name === "content-length") {
        if (!/^\d+$/.test(value) || (length !== undefined && length !== Number(value))) throw new ReplyError("bad Content-Length");
        length = Number(value);
      } else if (name === "transfer-encoding") chunked = value.split(",").map((v) => v.trim()).pop() === "chunked";
      else if (name === "connection") connection = value;
    }
    this.keepAlive = connection === "keep-alive";
    const status = this.status;
    if (status >= 100 && status < 200) return void (this.phase = "head"); // an interim answer: the real one follows
    if (status === 204 || status === 304) this.phase = "done";
    else if (chunked) this.phase = "chunk-size";
    else if (length !== undefined) {
      if (length > this.maxBodyBytes) throw new ReplyError("declared reply body over its cap");
      this.remaining = length;
      this.phase = length === 0 ? "done" : "length";
    } else {
      this.keepAlive = false;
      this.phase = "close";
    }
  }

  private step(): boolean {
    const { phase, pending } = this;
    if (phase === "head") {
      const end = pending.indexOf(HEAD_END);
      if (end < 0) {
        if (pending.length > MAX_HEAD_BYTES) throw new ReplyError("reply head too long");
        return false;
      }
      this.readHead(pending.toString("latin1", 0, end));
      this.pending = pending.subarray(end + 4);
      return true;
    }
    if (phase === "length" || phase === "chunk-data") {
      if (pending.length === 0) return false;
      // The whole rest in hand (the usual case): no slicing.
      const piece = pending.length <= this.remaining ? pending : pending.subarray(0, this.remaining);
      this.take(piece);
      this.remaining -= piece.length;
      this.pending = piece === pending ? EMPTY : pending.subarray(piece.length);
      if (this.remaining > 0) return false;
      if (phase === "length") this.phase = "done";
      else {
        if (this.pending.length < 2) return false;
        if (!this.pending.subarray(0, 2).equals(CRLF)) throw new ReplyError("chunk not followed by CRLF");
        this.pending = this.pending.subarray(2);
        this.phase = "chunk-size";
      }
      return true;
    }
    if (phase === "chunk-size" || phase === "trailer") {
      const end = pending.indexOf(CRLF);
      if (end < 0) {
        if (pending.length > MAX_HEAD_BYTES) throw new ReplyError("chunk line too long");
        return false;
      }
      const line = pending.toString("latin1", 0, end);
      this.pending = pending.subarray(end + 2);
      if (phase === "trailer") {
        if (line === "") this.phase = "done";
        return true;
      }
      const sizeText = line.split(";")[0].trim();
      if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) throw new ReplyError("bad chunk size");
      this.remaining = Number.parseInt(sizeText, 16);
      if (this.size + this.remaining > this.maxBodyBytes) throw new ReplyError("reply body over its cap");
      this.phase = this.remaining === 0 ? "trailer" : "chunk-data";
      return true;
    }
    if (phase === "close") {
      if (pending.length > 0) this.take(pending);
      this.pending = EMPTY;
    }
    return false;
  }
}
