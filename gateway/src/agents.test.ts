import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("gateway/AGENTS.md", () => {
  it("names only files that exist, and every gateway source file", () => {
    const text = readFileSync(`${root}gateway/AGENTS.md`, "utf8");
    const named = [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(10);
    for (const path of named) expect(existsSync(`${root}${path}`), path).toBe(true);
    const sources = readdirSync(`${root}gateway/src`).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
    for (const file of sources) expect(named, file).toContain(`gateway/src/${file}`);
  });
});
