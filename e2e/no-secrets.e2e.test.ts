import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

function filesUnder(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** What reaches a browser: the client bundle, and the prerendered pages served as they are. */
function browserFacingFiles(): string[] {
  const prerendered = filesUnder(path.resolve(".next/server/app")).filter((file) => /\.(html|rsc|body)$/.test(file));
  return [...filesUnder(path.resolve(".next/static")), ...prerendered];
}

describe("the client bundle", () => {
  it("contains no secret value given to the build (EMBED_SECRET, GROQ_API_KEY)", async () => {
    const secrets = inject("buildSecrets");
    const files = browserFacingFiles();
    expect(files.some((file) => file.endsWith(".html"))).toBe(true);
    expect(files.some((file) => file.includes(`${path.sep}static${path.sep}`))).toBe(true);
    const leaks = files.flatMap((file) => {
      const text = fs.readFileSync(file, "latin1");
      return secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${file}`);
    });
    expect(leaks).toEqual([]);
    const pages = await Promise.all(["/", "/blog"].map(async (p) => (await fetch(inject("baseUrl") + p)).text()));
    for (const html of pages) for (const secret of secrets) expect(html).not.toContain(secret);
  });
});
