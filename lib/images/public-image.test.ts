import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPublicImage } from "./public-image";

function publicDirWith(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "public-image-"));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), "x");
  }
  return dir;
}

describe("findPublicImage", () => {
  it("returns the site path of an image that is in public/, with no notice", () => {
    const notices: string[] = [];
    const publicDir = publicDirWith(["images/posts/a.jpg"]);
    expect(findPublicImage({ src: "/images/posts/a.jpg", file: "content/posts/a.md", field: "coverImage", publicDir, notice: (m) => notices.push(m) })).toBe("/images/posts/a.jpg");
    expect(notices).toEqual([]);
  });

  it("skips a missing file with one notice naming the document and the field, however often it is asked", () => {
    const notices: string[] = [];
    const publicDir = publicDirWith([]);
    const ask = () => findPublicImage({ src: "/images/gone.png", file: "content/posts/b.md", field: "coverImage", publicDir, notice: (m) => notices.push(m) });
    expect(ask()).toBeUndefined();
    expect(ask()).toBeUndefined();
    expect(notices).toEqual(['notice: content/posts/b.md: coverImage "/images/gone.png" is not in public/; the page shows no image']);
  });

  it("path traversal: refuses an image path that climbs out of public/, even when the file exists", () => {
    const publicDir = publicDirWith([]);
    fs.writeFileSync(path.join(publicDir, "..", "secret.png"), "x");
    const notices: string[] = [];
    expect(findPublicImage({ src: "/../secret.png", file: "content/projects/p.md", field: "image", publicDir, notice: (m) => notices.push(m) })).toBeUndefined();
    expect(notices[0]).toMatch(/outside public/);
  });

  it("skips a remote or protocol-relative URL (no network at build) and an empty field silently", () => {
    const notices: string[] = [];
    const publicDir = publicDirWith([]);
    expect(findPublicImage({ src: "https://example.com/a.png", file: "f.md", field: "image", publicDir, notice: (m) => notices.push(m) })).toBeUndefined();
    expect(findPublicImage({ src: "//example.com/a.png", file: "g.md", field: "image", publicDir, notice: (m) => notices.push(m) })).toBeUndefined();
    expect(findPublicImage({ src: undefined, file: "h.md", field: "image", publicDir, notice: (m) => notices.push(m) })).toBeUndefined();
    expect(notices).toHaveLength(2);
  });
});
