import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Roots made by the current test file, removed after it by test/setup.ts (a full run made hundreds). */
const madeRoots = new Set<string>();

/** Removes every root {@link makeContentRoot} made so far. */
export function removeContentRoots(): void {
  for (const root of madeRoots) fs.rmSync(root, { recursive: true, force: true });
  madeRoots.clear();
}

/** Writes a throwaway project root with the given `content/` files; returns its path (removed after the test file). */
export function makeContentRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "content-"));
  madeRoots.add(root);
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
