// Byte helpers for the hand-written readers, which read in place rather than as strings:
// the two HTTP ones (request-head.ts, reply-parser.ts) and the two JSON ones
// (request-body.ts, reply-check.ts).

const [ZERO, NINE] = [0x30, 0x39];

/** The bytes of an ASCII text: a lower-case word to compare with `spells`, or a token to find with `bytesAt`. */
export function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Whether `word` is at `bytes[at]`, byte for byte. */
export function bytesAt(bytes: Uint8Array, at: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word[i]) return false;
  return true;
}

/** A lookup table with 1 at each of `chars`' byte values (ASCII). */
export function byteTable(chars: string): Uint8Array {
  const table = new Uint8Array(256);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** The first index from `at` on that is not JSON whitespace (space, tab, CR, LF). */
export function skipJsonSpace(bytes: Uint8Array, at: number): number {
  let c = bytes[at];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = bytes[++at];
  return at;
}

/**
 * Whether `buffer[start, end)` spells `lower` (ASCII letters, digits and `-`) in any case.
 * Setting bit 0x20 lowers an ASCII letter and keeps `-` and digits; of the bytes a header
 * name or value may hold (no control byte: both readers refuse CR, LF and the rest before
 * this is asked; CR would read as `-`), no other turns into a letter, a digit or `-`.
 */
export function spells(buffer: Uint8Array, start: number, end: number, lower: Uint8Array): boolean {
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) if ((buffer[start + i] | 0x20) !== lower[i]) return false;
  return true;
}

/** `buffer[start, end)` as a decimal number when it is one or more plain digits, else -1. */
export function decimalOf(buffer: Uint8Array, start: number, end: number): number {
  if (start === end) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = buffer[i];
    if (c < ZERO || c > NINE) return -1;
    value = value * 10 + (c - ZERO);
  }
  return value;
}
