// The fast path's per-connection memo of the last token verdict: a repeated header is
// judged once; any other header, or a reloaded token set, is judged anew.
import { describe, expect, it } from "vitest";
import { createTokenMemo } from "./token-memo";
import { createTokenSet } from "./tokens";
import type { TokenSet } from "./tokens";

const TOKEN = "memo-token-0123456789abcdef";

// A token set that counts how often it is asked.
function counted(tokens: string[]): TokenSet & { asked: number } {
  const set = createTokenSet(tokens);
  const wrapped = { size: set.size, asked: 0, identify: (presented: string | undefined) => (wrapped.asked++, set.identify(presented)) };
  return wrapped;
}

// A request's bytes with the Authorization value somewhere inside, and where it lies.
function request(value: string) {
  const before = "POST /api/embed HTTP/1.1\r\nAuthorization: ";
  const bytes = Buffer.from(`${before}${value}\r\nContent-Length: 2\r\n\r\n{}`, "latin1");
  return { bytes, range: { start: before.length, end: before.length + value.length } };
}

describe("the token memo", () => {
  it("judges a kept-alive client's repeated header once, from its bytes in a new buffer each time", () => {
    const tokens = counted([TOKEN]);
    const memo = createTokenMemo();
    const ids = [1, 2, 3].map(() => {
      const { bytes, range } = request(`Bearer ${TOKEN}`);
      return memo.identify(tokens, bytes, range);
    });
    expect(ids[0]).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(ids).size).toBe(1);
    expect(tokens.asked).toBe(1);
  });

  it("attack: a header one byte off (the same length), a longer one and a shorter one are each judged anew and refused", () => {
    const tokens = counted([TOKEN]);
    const memo = createTokenMemo();
    const good = request(`Bearer ${TOKEN}`);
    expect(memo.identify(tokens, good.bytes, good.range)).toBeDefined();
    for (const value of [`Bearer ${TOKEN.slice(0, -1)}X`, `Bearer ${TOKEN}X`, `Bearer ${TOKEN.slice(0, -1)}`]) {
      const { bytes, range } = request(value);
      expect(memo.identify(tokens, bytes, range), value).toBeUndefined();
    }
    expect(tokens.asked).toBe(4);
    expect(memo.identify(tokens, good.bytes, good.range)).toBeDefined();
    expect(tokens.asked).toBe(5);
  });

  it("attack: a token set reloaded without the token refuses a connection that already used it", () => {
    const memo = createTokenMemo();
    const { bytes, range } = request(`Bearer ${TOKEN}`);
    expect(memo.identify(counted([TOKEN]), bytes, range)).toBeDefined();
    expect(memo.identify(counted(["another-token-0123456789abcdef"]), bytes, range)).toBeUndefined();
  });

  it("keeps a copy of the header: bytes changed after the verdict do not match it", () => {
    const tokens = counted([TOKEN]);
    const memo = createTokenMemo();
    const { bytes, range } = request(`Bearer ${TOKEN}`);
    expect(memo.identify(tokens, bytes, range)).toBeDefined();
    bytes[range.end - 1] ^= 1; // the same buffer, reused for another request
    expect(memo.identify(tokens, bytes, range)).toBeUndefined();
    expect(tokens.asked).toBe(2);
  });

  it("refuses no header at all, and then judges a good header that follows", () => {
    const tokens = counted([TOKEN]);
    const memo = createTokenMemo();
    const none = request("");
    expect(memo.identify(tokens, none.bytes, undefined)).toBeUndefined();
    expect(memo.identify(tokens, none.bytes, none.range)).toBeUndefined();
    const good = request(`Bearer ${TOKEN}`);
    expect(memo.identify(tokens, good.bytes, good.range)).toBeDefined();
  });
});
