// `npm run eval -- [--json] [--fake] [--out <dir>]`: retrieval quality per mode and question type (see docs/eval.md).
import { runEvalCommand } from "@/lib/eval/main";

try {
  await runEvalCommand({ argv: process.argv.slice(2) });
} catch (error) {
  console.error(`eval: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
