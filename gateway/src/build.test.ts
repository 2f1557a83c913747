import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("gateway/build.mjs", () => {
  it("reproduces the committed gateway/dist/gateway.mjs exactly (run `npm run build:gateway` if this fails)", () => {
    const outfile = join(mkdtempSync(join(tmpdir(), "gateway-build-")), "gateway.mjs");
    const build = new URL("../build.mjs", import.meta.url).pathname;
    execFileSync(process.execPath, [build, "--outfile", outfile]);
    const committed = readFileSync(new URL("../dist/gateway.mjs", import.meta.url), "utf8");
    expect(readFileSync(outfile, "utf8")).toBe(committed);
    expect(committed.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(committed).not.toMatch(/from "(?!node:)[^"]+"/); // no runtime imports but Node's own
  });
});
