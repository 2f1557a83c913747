import { canonicalClientAddress } from "./client-address";

/** The one key every visitor shares when no header can be trusted to tell them apart. */
export const ALL_VISITORS_KEY = "all-visitors";

/** Where the client's address comes from: Vercel's edge, N proxies of the operator's own, or nowhere trustworthy. */
export type ClientAddressSource = { kind: "vercel" } | { kind: "proxies"; count: number } | { kind: "none" };

/** Returns the rate-limit key of a request: a canonical IP address, or {@link ALL_VISITORS_KEY}. */
export type ClientIdentifier = (request: Request) => string;

/** Picks the source from the environment: `VERCEL=1` wins, then `TRUSTED_PROXY_COUNT`, else none. */
export function clientAddressSourceOf(config: { VERCEL?: boolean; TRUSTED_PROXY_COUNT?: number }): ClientAddressSource {
  if (config.VERCEL) return { kind: "vercel" };
  if (config.TRUSTED_PROXY_COUNT) return { kind: "proxies", count: config.TRUSTED_PROXY_COUNT };
  return { kind: "none" };
}

/**
 * Builds the identifier for one source. On Vercel the edge overwrites `X-Real-IP` and
 * `X-Forwarded-For` with the connecting address. Behind N trusted proxies the client is the
 * N-th `X-Forwarded-For` entry from the right (the one the nearest proxy appended; anything
 * left of it is the client's own writing). With neither, `next start` passes on whatever a
 * client sends, so every visitor shares one key; that is said once, here, at start.
 */
export function createClientIdentifier(source: ClientAddressSource, log: (message: string) => void = console.warn): ClientIdentifier {
  if (source.kind === "none") {
    log("chat: no trusted client address (not on Vercel and TRUSTED_PROXY_COUNT unset): the chat's rate limit counts all visitors together; see docs/chat.md, \"Who counts as one client\"");
    return () => ALL_VISITORS_KEY;
  }
  let warned = false;
  const unidentified = (why: string) => {
    if (!warned) log(`chat: ${why}; such requests share one rate-limit key (said once)`);
    warned = true;
    return ALL_VISITORS_KEY;
  };
  if (source.kind === "vercel") {
    return (request) => {
      const headers = request.headers;
      const written = headers.get("x-real-ip") ?? lastEntry(headers.get("x-vercel-forwarded-for")) ?? lastEntry(headers.get("x-forwarded-for"));
      return (written !== undefined && canonicalClientAddress(written)) || unidentified("a request on Vercel carried no client address in X-Real-IP or X-Forwarded-For");
    };
  }
  return (request) => {
    const entry = entryFromRight(request.headers.get("x-forwarded-for"), source.count);
    return (entry !== undefined && canonicalClientAddress(entry)) || unidentified(`X-Forwarded-For had no address ${source.count} entries from the right (is TRUSTED_PROXY_COUNT=${source.count} right, and can clients reach the site without the proxy?)`);
  };
}

function lastEntry(header: string | null): string | undefined {
  return entryFromRight(header, 1);
}

/** The n-th comma-separated entry counted from the right (1 = last), without splitting the whole header. */
function entryFromRight(header: string | null, n: number): string | undefined {
  if (header === null) return undefined;
  let end = header.length;
  for (let i = 1; i < n; i++) {
    end = header.lastIndexOf(",", end - 1);
    if (end < 0) return undefined;
  }
  const start = header.lastIndexOf(",", end - 1) + 1;
  return header.slice(start, end);
}
