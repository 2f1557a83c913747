// `postbuild` (after `next build`): V8 compile hints on the chunks every page runs at startup (lib/build/compile-hints.ts).
import path from "node:path";
import { addCompileHints } from "@/lib/build/compile-hints";

try {
  const { hinted, alreadyHinted } = addCompileHints({ distDir: path.join(process.cwd(), ".next") });
  if (hinted.length + alreadyHinted.length === 0) console.warn("compile hints: no prerendered page names a chunk; nothing hinted");
  else console.log(`compile hints: ${hinted.length} startup chunks hinted${alreadyHinted.length ? `, ${alreadyHinted.length} already were` : ""}`);
} catch (error) {
  console.error(`compile hints: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
