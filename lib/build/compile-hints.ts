import fs from "node:fs";
import path from "node:path";

/**
 * V8's explicit compile hint (Chrome 136+): every function in a file that starts with it is
 * compiled on the background thread that streams the script in, instead of lazily on the main
 * thread the first time it runs. Other engines read a comment.
 */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Where Next puts the client chunks a page's `<script src>` names (`/_next/static/chunks/…`). */
const CHUNK_SRC = /<script\b[^>]*\bsrc="\/_next\/(static\/chunks\/[^"?#]+\.js)"[^>]*>/g;

/** Every prerendered page under `<distDir>/server/app`, as a file path. */
function listPrerenderedPages(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return listPrerenderedPages(file);
    return entry.name.endsWith(".html") ? [file] : [];
  });
}

/**
 * The chunks the prerendered pages run at startup (relative to `distDir`, e.g.
 * `static/chunks/x.js`): each `<script src>` of a page, minus the `noModule` polyfills that
 * modern browsers never run. Chunks fetched later (the chat's conversation and markdown
 * renderer, loaded on first use) are not named by any page, so they keep V8's lazy compiling.
 */
export function findStartupChunks({ distDir }: { distDir: string }): string[] {
  const chunks = new Set<string>();
  for (const page of listPrerenderedPages(path.join(distDir, "server", "app"))) {
    for (const match of fs.readFileSync(page, "utf8").matchAll(CHUNK_SRC)) {
      if (!/\bnomodule\b/i.test(match[0])) chunks.add(match[1]!);
    }
  }
  return [...chunks].sort();
}

/**
 * Puts COMPILE_HINT at the top of every startup chunk of a finished `next build`, once
 * (a second run changes nothing), and says which files it hinted and which it found already
 * hinted. The page's first task then no longer compiles the framework's module factories on
 * the main thread while it hydrates (measured in docs/performance.md).
 */
export function addCompileHints({ distDir }: { distDir: string }): { hinted: string[]; alreadyHinted: string[] } {
  const hinted: string[] = [];
  const alreadyHinted: string[] = [];
  for (const chunk of findStartupChunks({ distDir })) {
    const file = path.join(distDir, chunk);
    if (!fs.existsSync(file)) throw new Error(`${chunk}: named by a prerendered page but missing from ${distDir}`);
    const code = fs.readFileSync(file, "utf8");
    if (code.startsWith(COMPILE_HINT)) {
      alreadyHinted.push(chunk);
      continue;
    }
    fs.writeFileSync(file, COMPILE_HINT + code);
    hinted.push(chunk);
  }
  return { hinted, alreadyHinted };
}
