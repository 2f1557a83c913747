import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT, findStartupChunks } from "./compile-hints";

const script = (src: string, attrs = 'async=""') => `<script src="/_next/${src}" ${attrs}></script>`;

/** A `.next` shaped folder: prerendered pages naming chunks, and the chunks' code. */
function distWith({ pages, chunks }: { pages: Record<string, string>; chunks: Record<string, string> }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compile-hints-"));
  for (const [file, text] of Object.entries({ ...pages, ...chunks })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

describe("findStartupChunks", () => {
  it("lists each chunk the prerendered pages load once, nested pages included, without the noModule polyfills", () => {
    const distDir = distWith({
      pages: {
        "server/app/index.html": script("static/chunks/a.js") + script("static/chunks/home.js") + script("static/chunks/polyfill.js", 'noModule=""'),
        "server/app/blog/post.html": script("static/chunks/a.js") + script("static/chunks/post.js"),
        "server/app/index.rsc": script("static/chunks/not-a-page.js"),
      },
      chunks: {},
    });
    expect(findStartupChunks({ distDir })).toEqual(["static/chunks/a.js", "static/chunks/home.js", "static/chunks/post.js"]);
  });

  it("finds nothing in a folder with no prerendered pages", () => {
    expect(findStartupChunks({ distDir: distWith({ pages: {}, chunks: {} }) })).toEqual([]);
  });
});

describe("addCompileHints", () => {
  it("puts the hint first in the startup chunks only, leaving their code and the lazily loaded chunks as they were", () => {
    const distDir = distWith({
      pages: { "server/app/index.html": script("static/chunks/a.js") },
      chunks: { "static/chunks/a.js": "(globalThis.TURBOPACK||[]).push(1)", "static/chunks/chat-later.js": "lazy()" },
    });
    expect(addCompileHints({ distDir })).toEqual({ hinted: ["static/chunks/a.js"], alreadyHinted: [] });
    expect(read(distDir, "static/chunks/a.js")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push(1)`);
    expect(read(distDir, "static/chunks/chat-later.js")).toBe("lazy()");
  });

  it("changes nothing when run a second time on the same build", () => {
    const distDir = distWith({ pages: { "server/app/index.html": script("static/chunks/a.js") }, chunks: { "static/chunks/a.js": "code()" } });
    addCompileHints({ distDir });
    expect(addCompileHints({ distDir })).toEqual({ hinted: [], alreadyHinted: ["static/chunks/a.js"] });
    expect(read(distDir, "static/chunks/a.js")).toBe(`${COMPILE_HINT}code()`);
  });

  it("fails naming the chunk when a page names one the build does not have, instead of skipping it", () => {
    const distDir = distWith({ pages: { "server/app/index.html": script("static/chunks/gone.js") }, chunks: {} });
    expect(() => addCompileHints({ distDir })).toThrow("static/chunks/gone.js: named by a prerendered page but missing");
  });
});
