// The fast check of Ollama's embed answer, on its bytes: is it one JSON object whose
// `embeddings` is an array of `inputCount` arrays of numbers? It builds nothing (no 20 KB
// string, no array of floats for the collector to sweep), so the pass-through answer costs
// one scan, about a quarter of JSON.parse's time. It says yes only when sure; anything
// unusual (whitespace inside the vectors, an escaped key, deep nesting) gets a no, and
// forward.ts then asks JSON.parse, which has the last word.

const MAX_DEPTH = 32; // Ollama's answer is 3 deep; deeper is left to JSON.parse

// Byte values, named.
const [QUOTE, BACKSLASH, COMMA, COLON, MINUS, PLUS, DOT, ZERO, NINE] = [0x22, 0x5c, 0x2c, 0x3a, 0x2d, 0x2b, 0x2e, 0x30, 0x39];
const [OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [0x5b, 0x5d, 0x7b, 0x7d];
const EMBEDDINGS = Buffer.from("embeddings");
const LITERALS = [Buffer.from("true"), Buffer.from("false"), Buffer.from("null")];
const ESCAPES = new Set([...'"\\/bfnrtu'].map((c) => c.charCodeAt(0)));

/** True only if `body` is surely a JSON object with `embeddings`: `inputCount` arrays of numbers (the last such key counts, as in JSON.parse). */
export function isEmbedReply(body: Buffer, inputCount: number): boolean {
  let at = 0;
  let vectors = -1; // arrays of numbers in the last `embeddings` seen; -1: none, or not that shape
  const found = { end: 0 };

  const space = () => {
    for (let c = body[at]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = body[++at]);
  };
  // A string from its opening quote; false on a raw control byte, a bad escape or no end.
  const string = (): boolean => {
    for (at++; at < body.length; at++) {
      const c = body[at];
      if (c === QUOTE) {
        at++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === BACKSLASH) {
        if (!ESCAPES.has(body[++at])) return false;
        if (body[at] === 0x75 && !/^[0-9a-fA-F]{4}$/.test(body.toString("latin1", at + 1, at + 5))) return false;
      }
    }
    return false;
  };
  const digits = (): boolean => {
    const from = at;
    while (body[at] >= ZERO && body[at] <= NINE) at++;
    return at > from;
  };
  const number = (): boolean => {
    if (body[at] === MINUS) at++;
    if (body[at] === ZERO) at++;
    else if (!digits()) return false;
    if (body[at] === DOT) {
      at++;
      if (!digits()) return false;
    }
    if (body[at] === 0x65 || body[at] === 0x45) {
      at++;
      if (body[at] === PLUS || body[at] === MINUS) at++;
      if (!digits()) return false;
    }
    return true;
  };
  // A comma-separated list up to `close`, each item read by `item`; counts the items.
  const list = (close: number, item: () => boolean): number => {
    at++;
    space();
    if (body[at] === close) {
      at++;
      return 0;
    }
    for (let count = 1; ; count++) {
      if (!item()) return -1;
      space();
      if (body[at] === close) {
        at++;
        return count;
      }
      if (body[at] !== COMMA) return -1;
      at++;
      space();
    }
  };
  const value = (depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    const c = body[at];
    if (c === QUOTE) return string();
    if (c === OPEN_ARRAY) return list(CLOSE_ARRAY, () => value(depth + 1)) >= 0;
    if (c === OPEN_OBJECT) return list(CLOSE_OBJECT, () => member(depth + 1)) >= 0;
    if (c === MINUS || (c >= ZERO && c <= NINE)) return number();
    const literal = LITERALS.find((word) => body.subarray(at, at + word.length).equals(word));
    if (literal === undefined) return false;
    at += literal.length;
    return true;
  };
  const member = (depth: number): boolean => {
    if (body[at] !== QUOTE) return false;
    const start = at + 1;
    if (!string()) return false;
    const key = body.subarray(start, at - 1);
    if (key.includes(BACKSLASH)) return false; // an escaped key might spell `embeddings`: JSON.parse decides
    space();
    if (body[at] !== COLON) return false;
    at++;
    space();
    if (depth > 1 || !key.equals(EMBEDDINGS)) return value(depth);
    // The top level's `embeddings`: counted if it is vectors as Go writes them, else read as any value.
    const counted = scanVectors(body, at, found);
    vectors = counted;
    if (counted >= 0) {
      at = found.end;
      return true;
    }
    return value(depth);
  };

  space();
  if (body[at] !== OPEN_OBJECT || list(CLOSE_OBJECT, () => member(1)) < 0) return false;
  space();
  return at === body.length && vectors === inputCount;
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
