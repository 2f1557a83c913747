// A connection's last token verdict, for the fast path. A kept-alive client sends the same
// Authorization header with every request; when the header's bytes and the token set are
// unchanged, the verdict stands: the header is not made a string, nor the token hashed, again.
import { bearerToken } from "./tokens";
import type { TokenSet } from "./tokens";

/** Where a header's value lies in the request's bytes: `bytes[start, end)`. */
export type ByteRange = { start: number; end: number };

/** Remembers one verdict; a new set (a reloaded tokens file) matches no memo. */
export type TokenMemo = {
  /** The client id for the Authorization header at `range` of `bytes` (none: no header), or undefined. */
  identify(tokens: TokenSet, bytes: Buffer, range: ByteRange | undefined): string | undefined;
};

const NONE = new Uint8Array(0);

export function createTokenMemo(): TokenMemo {
  let known: TokenSet | undefined;
  let header = NONE; // the remembered header's bytes (none and empty both hold no token)
  let id: string | undefined;
  return {
    identify(tokens, bytes, range) {
      const start = range?.start ?? 0;
      const end = range?.end ?? 0;
      if (known === tokens && sameBytes(header, bytes, start, end)) return id;
      id = tokens.identify(bearerToken(range ? bytes.toString("latin1", start, end) : undefined));
      header = Buffer.copyBytesFrom(bytes, start, end - start); // a copy: the request's bytes are not kept
      known = tokens;
      return id;
    },
  };
}

// Whether `bytes[start, end)` equals `remembered`, in a time that depends only on the
// remembered header's length: the remembered header may be another client's (a proxy can
// pool clients on one connection), so every byte of it is compared, whatever was presented.
function sameBytes(remembered: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  let difference = remembered.length ^ (end - start);
  for (let i = 0; i < remembered.length; i++) difference |= remembered[i] ^ (bytes[start + i] | 0);
  return difference === 0;
}
