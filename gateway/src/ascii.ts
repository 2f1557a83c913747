// Byte helpers for the two hand-written HTTP readers (request-head.ts, reply-parser.ts),
// which read header names and values in place rather than as strings.

const [ZERO, NINE] = [0x30, 0x39];

/** The bytes of an ASCII word, to compare with `spells`. */
export function bytesOf(lowerCase: string): Uint8Array {
  return Uint8Array.from(lowerCase, (c) => c.charCodeAt(0));
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
