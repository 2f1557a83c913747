// Bearer tokens: read from a private file, several at once (so a secret rotates
// with an overlap), compared in constant time, and known to the logs only by a
// short hash prefix.
import { hash, timingSafeEqual } from "node:crypto";
import { readFileSync, statSync } from "node:fs";

// Shorter secrets are guessable; `openssl rand -hex 32` gives 64 characters.
const MIN_TOKEN_LENGTH = 16;

/** Raised when the tokens file is missing, too open, empty or holds a short token. */
export class TokenFileError extends Error {}

/** The allowed tokens, kept only as SHA-256 digests. */
export type TokenSet = {
  size: number;
  /** The client id of a presented token, or undefined; takes the same time for any input. */
  identify(presented: string | undefined): string | undefined;
};

/** Reads the tokens file: one token per line, blank lines and lines starting with `#` ignored; a `#` or a space inside a token line refuses the file, naming the line. */
export function readTokensFile(path: string): string[] {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new TokenFileError(`tokens file ${path} cannot be read`);
  }
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8);
    throw new TokenFileError(`tokens file ${path} has mode ${octal}: it must not be readable by group or others (chmod 600 ${path})`);
  }
  const tokens: string[] = [];
  readFileSync(path, "utf8").split("\n").forEach((line, index) => {
    const token = line.trim();
    if (!token || token.startsWith("#")) return;
    // `secret#2024` must not quietly become the token `secret`: say which line, never what it holds.
    if (/[\s#]/.test(token)) throw new TokenFileError(`tokens file ${path}: line ${index + 1} holds a space or a "#" inside the token; put comments on their own line`);
    if (token.length < MIN_TOKEN_LENGTH) throw new TokenFileError(`tokens file ${path}: the token on line ${index + 1} is shorter than ${MIN_TOKEN_LENGTH} characters`);
    tokens.push(token);
  });
  if (tokens.length === 0) throw new TokenFileError(`tokens file ${path} holds no token (make one with \`openssl rand -hex 32\`)`);
  return tokens;
}

/** Builds the set that answers "is this token allowed, and whose is it?". */
export function createTokenSet(tokens: string[]): TokenSet {
  // Hashed once here; the client id (for the access log) is the digest's first 8 hex digits.
  const known = tokens.map((token) => {
    const digest = sha256(token);
    return { digest, id: digest.toString("hex", 0, 4) };
  });
  return {
    size: known.length,
    identify(presented) {
      // Hashing both sides makes the comparison length-independent; every entry is
      // compared, so the time does not tell which one matched.
      const digest = sha256(presented ?? "");
      let match: string | undefined;
      for (const entry of known) if (timingSafeEqual(digest, entry.digest)) match = entry.id;
      return match;
    },
  };
}

/** The token of an `Authorization: Bearer <token>` header; nothing else is read. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = BEARER.exec(header ?? "");
  return match?.[1];
}

const BEARER = /^Bearer +(\S+) *$/i;

function sha256(text: string): Buffer {
  // One-shot hashing: a Hash object per request costs twice as much on a Pi-class CPU.
  return hash("sha256", text, "buffer");
}
