import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerToken, createTokenSet, readTokensFile } from "./tokens";
import { writeTokensFile } from "./testing";

const A = "0123456789abcdef0123456789abcdef";
const B = "fedcba9876543210fedcba9876543210";

describe("readTokensFile", () => {
  it("reads one token per line, skipping blanks and comment lines, trimming CR and spaces around", () => {
    expect(readTokensFile(writeTokensFile(`# site\n${A}\r\n\n  # laptop, added 2025-01\n  ${B}  \n`))).toEqual([A, B]);
  });

  it("refuses a token line with a # or a space inside, naming the line and never the token", () => {
    // Attack (by accident): `secret#2024` used to load as the token `secret`, a shorter secret than the operator wrote.
    for (const line of [`${A}#2024`, `${A} # laptop`, `${A}\t${B}`]) {
      const attempt = () => readTokensFile(writeTokensFile(`# site\n${B}\n${line}\n`));
      expect(attempt).toThrow(/line 3 holds a space or a "#"/);
      expect(attempt).not.toThrow(new RegExp(A));
    }
  });

  it("refuses a file readable by group or others", () => {
    expect(() => readTokensFile(writeTokensFile(A, 0o640))).toThrow(/mode 640/);
    expect(() => readTokensFile(writeTokensFile(A, 0o604))).toThrow(/chmod 600/);
  });

  it("refuses an empty file, a short token and a missing file", () => {
    expect(() => readTokensFile(writeTokensFile("# nothing yet\n"))).toThrow(/holds no token/);
    expect(() => readTokensFile(writeTokensFile("short\n"))).toThrow(/line 1 is shorter than 16/);
    expect(() => readTokensFile("/nonexistent/tokens")).toThrow(/cannot be read/);
  });
});

describe("createTokenSet", () => {
  it("identifies each token by a short hash prefix, and nothing else", () => {
    // The id docs/pi.md tells operators to compute: `printf %s "$TOKEN" | sha256sum | cut -c1-8`.
    const sha256sum = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 8);
    const set = createTokenSet([A, B]);
    expect(set.identify(A)).toBe(sha256sum(A));
    expect(set.identify(B)).toBe(sha256sum(B));
    expect(set.identify(undefined)).toBeUndefined();
    expect(set.identify("")).toBeUndefined();
    expect(set.identify(A.slice(0, -1))).toBeUndefined();
  });
});

describe("bearerToken", () => {
  it("reads only `Bearer <token>`, any case of the scheme", () => {
    expect(bearerToken(`Bearer ${A}`)).toBe(A);
    expect(bearerToken(`bearer ${A}`)).toBe(A);
    expect(bearerToken(A)).toBeUndefined();
    expect(bearerToken(`Basic ${A}`)).toBeUndefined();
    expect(bearerToken(`Bearer ${A} extra`)).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
