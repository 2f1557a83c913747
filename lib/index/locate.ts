import fs from "node:fs";
import path from "node:path";
import { INDEX_DIR, META_FILE } from "./format";

/** Folders from `start` up to the file-system root. */
function ancestors(start: string): string[] {
  const found: string[] = [];
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    found.push(dir);
    if (path.dirname(dir) === dir) return found;
  }
}

function realDirOf(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return path.dirname(fs.realpathSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Candidate index folders, most specific first: an explicit override, the working
 * directory (Vercel runs the function from the traced project root), then every
 * ancestor of the running `next` binary (`next start` launched from another folder).
 */
export function indexDirCandidates({ override, cwd = process.cwd(), entry = process.argv[1] }: { override?: string; cwd?: string; entry?: string } = {}): string[] {
  if (override) return [path.resolve(cwd, override)];
  const fromEntry = realDirOf(entry);
  const roots = [cwd, ...(fromEntry ? ancestors(fromEntry) : [])];
  return [...new Set(roots.map((root) => path.join(root, INDEX_DIR)))];
}

/** The first candidate folder that holds an index, else the first candidate (where the writer would put it). */
export function locateIndexDir(options: Parameters<typeof indexDirCandidates>[0] = {}): string {
  const candidates = indexDirCandidates(options);
  return candidates.find((dir) => fs.existsSync(path.join(dir, META_FILE))) ?? candidates[0]!;
}
