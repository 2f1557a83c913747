import { isIP } from "node:net";

/** Longest text worth parsing as one address: a full IPv6 with an IPv4 tail, brackets and a port; anything longer is not an address. */
const MAX_ADDRESS_CHARS = 64;

/** IPv6 hosts are counted by their /64: one subscriber usually holds a whole /64, so rotating inside it must not mint new clients. */
const IPV6_PREFIX_GROUPS = 4;

/**
 * Parses one entry of `X-Forwarded-For` (or `X-Real-IP`) as an IP address and returns its
 * canonical rate-limit key: dotted IPv4 (IPv4-mapped IPv6 folded into it), or the /64 of an
 * IPv6 address in compressed form. Anything else, a port, a zone or brackets aside, is undefined.
 */
export function canonicalClientAddress(raw: string): string | undefined {
  let text = raw.trim();
  if (text.length === 0 || text.length > MAX_ADDRESS_CHARS) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, ""); // an IPv6 zone (fe80::1%eth0) names a local interface, not a client
  const version = isIP(text);
  if (version === 4) return text;
  if (version !== 6) return undefined;
  const groups = expandIpv6(text.toLowerCase());
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  }
  const prefix = groups.slice(0, IPV6_PREFIX_GROUPS).concat(new Array(8 - IPV6_PREFIX_GROUPS).fill(0));
  return `${compressIpv6(prefix)}/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (an IPv4 tail included). */
function expandIpv6(text: string): number[] {
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").flatMap((group) => {
    if (group.includes(".")) {
      const [a, b, c, d] = group.split(".").map(Number) as [number, number, number, number];
      return [(a << 8) | b, (c << 8) | d];
    }
    return [parseInt(group, 16)];
  }));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}

/** RFC 5952 text of eight groups: lowercase hex, the longest run of two or more zero groups as `::`. */
function compressIpv6(groups: number[]): string {
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > best.length) best = { at: i, length: end - i };
    i = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.length < 2) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.length).join(":")}`;
}
