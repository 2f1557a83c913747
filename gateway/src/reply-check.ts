// The fast check of Ollama's embed answer, on its bytes: is it one JSON object whose
// `embeddings` is an array of `inputCount` arrays of numbers? It builds nothing (no 20 KB
// string, no array of floats for the collector to sweep), so the pass-through answer costs
// one scan, about a quarter of JSON.parse's time. It says yes only when sure; anything
// unusual (whitespace inside the vectors, an escaped key, deep nesting) gets a no, and
// forward.ts then asks JSON.parse, which has the last word.
import { byteTable, bytesAt, bytesOf, skipJsonSpace } from "./ascii";

const MAX_DEPTH = 32; // Ollama's answer is 3 deep; deeper is left to JSON.parse

// Byte values, named.
const [QUOTE, BACKSLASH, COMMA, COLON, MINUS, PLUS, DOT, ZERO, NINE] = [0x22, 0x5c, 0x2c, 0x3a, 0x2d, 0x2b, 0x2e, 0x30, 0x39];
const [OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [0x5b, 0x5d, 0x7b, 0x7d];
const LOWER_U = 0x75;
const EMBEDDINGS = bytesOf("embeddings");
const LITERALS = ["true", "false", "null"].map(bytesOf);
// Lookup tables: the byte after a backslash in a valid escape, and a hex digit.
const ESCAPE = byteTable('"\\/bfnrtu');
const HEX = byteTable("0123456789abcdefABCDEF");

/** True only if `body` is surely a JSON object with `embeddings`: `inputCount` arrays of numbers (the last such key counts, as in JSON.parse). */
export function isEmbedReply(body: Buffer, inputCount: number): boolean {
  const count = new Check(body).embeddingsCount();
  return count >= 0 && count === inputCount;
}

// One pass over the bytes, in place: no string, sub-buffer or other built-in per key or
// value (each costs more than the loop on a CPU whose caches went cold while the gateway
// waited for Ollama). A class rather than closures: one object per answer.
class Check {
  private at = 0;
  private vectors = -1; // arrays of numbers in the last `embeddings` seen; -1: none, or not that shape
  private readonly found = { end: 0 };

  constructor(private readonly body: Buffer) {}

  /** The vector count of a whole answer, or -1 when it is not surely one. */
  embeddingsCount(): number {
    this.space();
    if (this.body[this.at] !== OPEN_OBJECT || this.list(CLOSE_OBJECT, 1) < 0) return -1;
    this.space();
    return this.at === this.body.length ? this.vectors : -1;
  }

  private space(): void {
    this.at = skipJsonSpace(this.body, this.at);
  }

  // A string from its opening quote; false on a raw control byte, a bad escape or no end.
  private string(): boolean {
    const { body } = this;
    for (let at = this.at + 1; at < body.length; at++) {
      const c = body[at];
      if (c === QUOTE) {
        this.at = at + 1;
        return true;
      }
      if (c < 0x20) return false;
      if (c === BACKSLASH) {
        const e = body[++at];
        if (ESCAPE[e] !== 1) return false;
        if (e === LOWER_U) {
          if (HEX[body[at + 1]] !== 1 || HEX[body[at + 2]] !== 1 || HEX[body[at + 3]] !== 1 || HEX[body[at + 4]] !== 1) return false;
          at += 4;
        }
      }
    }
    return false;
  }

  private digits(): boolean {
    const { body } = this;
    const from = this.at;
    while (body[this.at] >= ZERO && body[this.at] <= NINE) this.at++;
    return this.at > from;
  }

  private number(): boolean {
    const { body } = this;
    if (body[this.at] === MINUS) this.at++;
    if (body[this.at] === ZERO) this.at++;
    else if (!this.digits()) return false;
    if (body[this.at] === DOT) {
      this.at++;
      if (!this.digits()) return false;
    }
    if (body[this.at] === 0x65 || body[this.at] === 0x45) {
      this.at++;
      if (body[this.at] === PLUS || body[this.at] === MINUS) this.at++;
      if (!this.digits()) return false;
    }
    return true;
  }

  // A comma-separated list up to `close` (members of an object, or values of an array) at `depth`; counts the items.
  private list(close: number, depth: number): number {
    const { body } = this;
    this.at++;
    this.space();
    if (body[this.at] === close) {
      this.at++;
      return 0;
    }
    for (let count = 1; ; count++) {
      if (!(close === CLOSE_OBJECT ? this.member(depth) : this.value(depth))) return -1;
      this.space();
      if (body[this.at] === close) {
        this.at++;
        return count;
      }
      if (body[this.at] !== COMMA) return -1;
      this.at++;
      this.space();
    }
  }

  private value(depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const c = this.body[this.at];
    if (c === QUOTE) return this.string();
    if (c === OPEN_ARRAY) return this.list(CLOSE_ARRAY, depth + 1) >= 0;
    if (c === OPEN_OBJECT) return this.list(CLOSE_OBJECT, depth + 1) >= 0;
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.number();
    for (const word of LITERALS) {
      if (bytesAt(this.body, this.at, word)) {
        this.at += word.length;
        return true;
      }
    }
    return false;
  }

  private member(depth: number): boolean {
    const { body } = this;
    if (body[this.at] !== QUOTE) return false;
    const start = this.at + 1;
    if (!this.string()) return false;
    const end = this.at - 1;
    // An escaped key might spell `embeddings`: JSON.parse decides.
    for (let i = start; i < end; i++) if (body[i] === BACKSLASH) return false;
    this.space();
    if (body[this.at] !== COLON) return false;
    this.at++;
    this.space();
    if (depth > 1 || end - start !== EMBEDDINGS.length || !bytesAt(body, start, EMBEDDINGS)) return this.value(depth);
    // The top level's `embeddings`: counted if it is vectors as Go writes them, else read as any value.
    const counted = scanVectors(body, this.at, this.found);
    this.vectors = counted;
    if (counted >= 0) {
      this.at = this.found.end;
      return true;
    }
    return this.value(depth);
  }
}

// `[[n,n,...],[...]]` with no whitespace, as Go's encoding/json writes it: the number of
// vectors (and `found.end`, the index after the last `]`), or -1. Plain loops over the
// bytes, no call per number: this runs over every float of every answer.
function scanVectors(b: Buffer, start: number, found: { end: number }): number {
  let i = start;
  if (b[i] !== OPEN_ARRAY) return -1;
  i++;
  let count = 0;
  if (b[i] === CLOSE_ARRAY) {
    found.end = i + 1;
    return 0;
  }
  for (;;) {
    i = scanVector(b, i);
    if (i < 0) return -1;
    count++;
    if (b[i] === CLOSE_ARRAY) {
      found.end = i + 1;
      return count;
    }
    if (b[i] !== COMMA) return -1;
    i++;
  }
}

// One `[n,n,...]` without whitespace: the index after its `]`, or -1.
function scanVector(b: Buffer, start: number): number {
  let i = start;
  if (b[i] !== OPEN_ARRAY) return -1;
  let c = b[++i];
  if (c === CLOSE_ARRAY) return i + 1;
  for (;;) {
    if (c === MINUS) c = b[++i];
    if (c === ZERO) c = b[++i];
    else if (c > ZERO && c <= NINE) do c = b[++i]; while (c >= ZERO && c <= NINE);
    else return -1;
    if (c === DOT) {
      c = b[++i];
      if (!(c >= ZERO && c <= NINE)) return -1;
      do c = b[++i]; while (c >= ZERO && c <= NINE);
    }
    if (c === 0x65 || c === 0x45) {
      c = b[++i];
      if (c === PLUS || c === MINUS) c = b[++i];
      if (!(c >= ZERO && c <= NINE)) return -1;
      do c = b[++i]; while (c >= ZERO && c <= NINE);
    }
    if (c === CLOSE_ARRAY) return i + 1;
    if (c !== COMMA) return -1;
    c = b[++i];
  }
}
