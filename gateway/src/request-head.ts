// The fast path's parser, which faces the internet: it recognises one shape only, a whole
// `POST /api/embed HTTP/1.1` with one Host, one Content-Length of plain digits, its whole
// body in hand, and every header line plain (CRLF, a token name, printable ASCII values).
// Anything else, or anything it is not sure of, is "hand-off": node:http's strict parser
// then reads the same bytes as if the fast path never existed, and refuses what it refuses.

/** The fast path takes a request only if its head fits here (node:http allows 8 KB). */
const FAST_MAX_HEAD_BYTES = 4 * 1024; // a client's usual head is ~200 bytes

/** What the fast path may do with the bytes it holds. */
export type HeadVerdict =
  | { kind: "embed"; authorization: string | undefined; bodyStart: number; bodyEnd: number }
  | { kind: "hand-off" };

const REQUEST_LINE = Buffer.from("POST /api/embed HTTP/1.1\r\n", "latin1");
const HEAD_END = Buffer.from("\r\n\r\n", "latin1");
// A header line: a token name, a colon, optional leading spaces or tabs, then a value of
// printable ASCII (spaces and tabs inside) that neither starts nor ends with whitespace.
// CR, LF, NUL, other controls, DEL and bytes over 0x7E never match; nor does an obs-fold
// (a line starting with whitespace) or a space before the colon.
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*((?:[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?)?)$/;
// Plain digits without a leading zero, at most 7 (under 10 MB): no sign, no spaces, no list.
const CONTENT_LENGTH = /^(?:0|[1-9][0-9]{0,6})$/;
// Headers that change how a request is framed or answered: their presence hands off.
const HAND_OFF_HEADERS = new Set(["transfer-encoding", "expect", "upgrade", "te", "trailer", "http2-settings"]);

const HAND_OFF: HeadVerdict = { kind: "hand-off" };

/** Judges the bytes at the start of `buffer`: a whole embed request the fast path may serve, or a hand-off to node:http. */
export function judgeRequest(buffer: Buffer): HeadVerdict {
  if (buffer.length < REQUEST_LINE.length || buffer.compare(REQUEST_LINE, 0, REQUEST_LINE.length, 0, REQUEST_LINE.length) !== 0) return HAND_OFF;
  // Searched within the first FAST_MAX_HEAD_BYTES only: a longer head is node:http's to refuse.
  const headEnd = buffer.subarray(0, FAST_MAX_HEAD_BYTES).indexOf(HEAD_END, REQUEST_LINE.length - 2);
  if (headEnd < 0) return HAND_OFF;
  // A header block that is empty (the request line's CRLF is the first half of HEAD_END) has no Host.
  if (headEnd < REQUEST_LINE.length) return HAND_OFF;
  const lines = buffer.toString("latin1", REQUEST_LINE.length, headEnd).split("\r\n");
  let host = 0;
  let length: number | undefined;
  let authorization: string | undefined;
  let connection = false;
  for (const line of lines) {
    const match = HEADER_LINE.exec(line);
    if (!match) return HAND_OFF;
    const name = match[1].toLowerCase();
    const value = match[2];
    if (HAND_OFF_HEADERS.has(name)) return HAND_OFF;
    if (name === "host") host++;
    else if (name === "content-length") {
      if (length !== undefined || !CONTENT_LENGTH.test(value)) return HAND_OFF;
      length = Number(value);
    } else if (name === "authorization") {
      if (authorization !== undefined) return HAND_OFF;
      authorization = value;
    } else if (name === "connection") {
      // Only the default (keep-alive) is served here; `close`, `upgrade` or a list go to node:http.
      if (connection || value.toLowerCase() !== "keep-alive") return HAND_OFF;
      connection = true;
    }
  }
  if (host !== 1 || length === undefined) return HAND_OFF;
  const bodyStart = headEnd + HEAD_END.length;
  const bodyEnd = bodyStart + length;
  // Only a body already in hand: a slow or large one is node:http's (with its timeouts).
  if (bodyEnd > buffer.length) return HAND_OFF;
  return { kind: "embed", authorization, bodyStart, bodyEnd };
}
