import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

function filesUnder(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe("the client bundle", () => {
  it("contains no secret value given to the build (EMBED_SECRET, GROQ_API_KEY)", async () => {
    const secrets = inject("buildSecrets");
    const files = filesUnder(path.resolve(".next/static"));
    expect(files.length).toBeGreaterThan(0);
    const leaks = files.flatMap((file) => {
      const text = fs.readFileSync(file, "latin1");
      return secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${file}`);
    });
    expect(leaks).toEqual([]);
    const pages = await Promise.all(["/", "/blog"].map(async (p) => (await fetch(inject("baseUrl") + p)).text()));
    for (const html of pages) for (const secret of secrets) expect(html).not.toContain(secret);
  });
});
