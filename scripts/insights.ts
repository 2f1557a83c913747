// `npm run insights -- [--file <jsonl>] [--out <dir>]`: what visitors asked (see docs/chat.md).
import { parseEnv } from "@/lib/env";
import { runInsightsCommand } from "@/lib/insights/main";
import { loadProjectEnv } from "./lib/load-env";

loadProjectEnv({ dev: false });
try {
  const config = parseEnv();
  await runInsightsCommand({ argv: process.argv.slice(2), redisUrl: config.REDIS_URL, localFile: config.CHAT_INSIGHTS_FILE });
} catch (error) {
  console.error(`insights: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
