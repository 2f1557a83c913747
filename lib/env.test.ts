import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

/** `.env.example` as Next's env loader reads it: `KEY=value` lines, comments skipped. */
function readEnvExample(): Record<string, string> {
  const text = fs.readFileSync(path.resolve(__dirname, "../.env.example"), "utf8");
  return Object.fromEntries(text.split("\n").filter((line) => /^[A-Z_]+=/.test(line)).map((line) => {
    const at = line.indexOf("=");
    return [line.slice(0, at), line.slice(at + 1)];
  }));
}

describe("parseEnv", () => {
  it("accepts .env.example copied as it is, empty values taking their defaults", () => {
    const parsed = parseEnv(readEnvExample());
    expect(parsed).toMatchObject({ EMBED_MODEL: "bge-m3", EMBED_API: "ollama", LLM_ORDER: "groq,local", INDEX_STRICT: false });
    expect(parsed.GROQ_MODEL.length).toBeGreaterThan(0);
    expect(parsed.LLM_MODEL.length).toBeGreaterThan(0);
    expect(parsed.EMBED_URL).toBeUndefined();
  });

  it("lists every variable documented in .env.example in its schema, and the reverse", () => {
    const documented = Object.keys(readEnvExample()).sort();
    const source = fs.readFileSync(path.resolve(__dirname, "env.ts"), "utf8");
    const parsed = [...source.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!).sort();
    expect(documented).toEqual(parsed);
  });

  it("names each bad variable and why", () => {
    expect(() => parseEnv({ EMBED_URL: "not a url", EMBED_API: "grpc" })).toThrow(/EMBED_URL: .*\n\s+EMBED_API: /);
  });

  it("treats a blank value as unset, not as an empty model name", () => {
    expect(parseEnv({ GROQ_MODEL: "  ", EMBED_MODEL: "" })).toMatchObject({ EMBED_MODEL: "bge-m3" });
  });
});
