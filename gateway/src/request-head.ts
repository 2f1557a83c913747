// The fast path's parser, which faces the internet: it recognises one shape only, a whole
// `POST /api/embed HTTP/1.1` with one Host, one Content-Length of plain digits, its whole
// body in hand, and every header line plain (CRLF, a token name, printable ASCII values).
// Anything else, or anything it is not sure of, is "hand-off": node:http's strict parser
// then reads the same bytes as if the fast path never existed, and refuses what it refuses.
//
// It reads bytes in plain loops, with no regex, string or sub-buffer per header (the
// Authorization value too is given as where it lies): on a machine that sleeps between
// requests the parser runs with cold caches, and every other built-in it touches costs more
// than the loop itself (a regex version took ~15 us a request).
import { bytesOf, decimalOf, spells } from "./ascii";
import type { ByteRange } from "./token-memo";

/** The fast path takes a request only if its head fits here (node:http allows 8 KB). */
const FAST_MAX_HEAD_BYTES = 4 * 1024; // a client's usual head is ~200 bytes
// Content-Length: plain digits without a leading zero, at most 7 (under 10 MB).
const MAX_LENGTH_DIGITS = 7;

/** What the fast path may do with the bytes it holds. */
export type HeadVerdict =
  | { kind: "embed"; authorization: ByteRange | undefined; bodyStart: number; bodyEnd: number }
  | { kind: "hand-off" };

const HAND_OFF: HeadVerdict = { kind: "hand-off" };
const REQUEST_LINE = Buffer.from("POST /api/embed HTTP/1.1\r\n", "latin1");
const [CR, LF, SPACE, TAB, COLON, ZERO] = [0x0d, 0x0a, 0x20, 0x09, 0x3a, 0x30];

// RFC 9110 token characters: a header name is one or more of these.
const TOKEN_CHAR = new Uint8Array(256);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TOKEN_CHAR[c.charCodeAt(0)] = 1;

// The names that matter, lower case. A request with any of the framing ones (they change
// how it is read or answered) is handed off.
const HOST = bytesOf("host");
const CONTENT_LENGTH = bytesOf("content-length");
const AUTHORIZATION = bytesOf("authorization");
const CONNECTION = bytesOf("connection");
const KEEP_ALIVE = bytesOf("keep-alive");
const HAND_OFF_NAMES = ["transfer-encoding", "expect", "upgrade", "te", "trailer", "http2-settings"].map(bytesOf);

/** Judges the bytes at the start of `buffer`: a whole embed request the fast path may serve, or a hand-off to node:http. */
export function judgeRequest(buffer: Buffer): HeadVerdict {
  const size = buffer.length;
  if (size < REQUEST_LINE.length) return HAND_OFF;
  for (let i = 0; i < REQUEST_LINE.length; i++) if (buffer[i] !== REQUEST_LINE[i]) return HAND_OFF;
  // The whole head, final CRLF included, must lie within FAST_MAX_HEAD_BYTES: a longer one is node:http's to refuse.
  const limit = Math.min(size, FAST_MAX_HEAD_BYTES);
  let host = 0;
  let length = -1;
  let authorization: ByteRange | undefined;
  let connection = false;
  let at = REQUEST_LINE.length;
  for (;;) {
    if (at + 1 >= limit) return HAND_OFF; // not whole in hand, or too long
    if (buffer[at] === CR) {
      // The empty line ends the head; a header block that is empty has no Host, which is checked below.
      if (buffer[at + 1] !== LF) return HAND_OFF;
      at += 2;
      break;
    }
    // A name: token characters up to the colon (no space before it).
    const nameStart = at;
    while (at < limit && TOKEN_CHAR[buffer[at]] === 1) at++;
    if (at === nameStart || at >= limit || buffer[at] !== COLON) return HAND_OFF;
    const nameEnd = at++;
    // The value: leading spaces and tabs skipped, then printable ASCII (spaces and tabs
    // inside) up to CRLF. CR or LF alone, NUL, other controls, DEL and bytes over 0x7E end
    // it short of a CRLF; so does an obs-fold, whose line starts with whitespace.
    while (at < limit && (buffer[at] === SPACE || buffer[at] === TAB)) at++;
    const valueStart = at;
    for (let c = buffer[at]; at < limit && ((c >= SPACE && c <= 0x7e) || c === TAB); c = buffer[++at]);
    const valueEnd = at;
    if (at + 1 >= limit || buffer[at] !== CR || buffer[at + 1] !== LF) return HAND_OFF;
    at += 2;
    // Trailing whitespace is not plain: node:http trims it, the fast path does not guess.
    if (valueEnd > valueStart && (buffer[valueEnd - 1] === SPACE || buffer[valueEnd - 1] === TAB)) return HAND_OFF;
    if (spells(buffer, nameStart, nameEnd, HOST)) host++;
    else if (spells(buffer, nameStart, nameEnd, CONTENT_LENGTH)) {
      if (length >= 0) return HAND_OFF;
      // Plain digits without a leading zero, at most MAX_LENGTH_DIGITS: no sign, no spaces, no list.
      const digits = valueEnd - valueStart;
      if (digits > MAX_LENGTH_DIGITS || (digits > 1 && buffer[valueStart] === ZERO)) return HAND_OFF;
      length = decimalOf(buffer, valueStart, valueEnd);
      if (length < 0) return HAND_OFF;
    } else if (spells(buffer, nameStart, nameEnd, AUTHORIZATION)) {
      if (authorization !== undefined) return HAND_OFF;
      authorization = { start: valueStart, end: valueEnd }; // in place: a kept-alive client's repeated header never becomes a string
    } else if (spells(buffer, nameStart, nameEnd, CONNECTION)) {
      // Only the default (keep-alive) is served here; `close`, `upgrade` or a list go to node:http.
      if (connection || !spells(buffer, valueStart, valueEnd, KEEP_ALIVE)) return HAND_OFF;
      connection = true;
    } else if (isHandOffName(buffer, nameStart, nameEnd)) return HAND_OFF;
  }
  if (host !== 1 || length < 0) return HAND_OFF;
  const bodyEnd = at + length;
  // Only a body already in hand: a slow or large one is node:http's (with its timeouts).
  if (bodyEnd > size) return HAND_OFF;
  return { kind: "embed", authorization, bodyStart: at, bodyEnd };
}

// Whether the name at [start, end) is one of HAND_OFF_NAMES (a loop: this runs for every other header).
function isHandOffName(buffer: Buffer, start: number, end: number): boolean {
  for (const name of HAND_OFF_NAMES) if (spells(buffer, start, end, name)) return true;
  return false;
}
