import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CONTENT_DIR } from "../content/load";
import { INDEX_VERSION } from "./format";

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** sha256 over every content file's path and bytes, the index version and the model: equal hashes mean the index is fresh. */
export function hashSources({ root, model }: { root: string; model: string }): string {
  const hash = createHash("sha256").update(`v${INDEX_VERSION}\u0000${model}\u0000`);
  for (const file of listFiles(path.join(root, CONTENT_DIR)).sort()) {
    hash.update(path.relative(root, file)).update("\u0000").update(fs.readFileSync(file)).update("\u0000");
  }
  return hash.digest("hex");
}
