import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Writes a throwaway project root with the given `content/` files; returns its path. */
export function makeContentRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "content-"));
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(root, "content", name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return root;
}

/** Front matter plus body, as an author would write it. */
export function markdownFile(frontMatter: string, body = "Some text.\n"): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}`;
}
