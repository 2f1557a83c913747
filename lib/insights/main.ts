import fs from "node:fs";
import path from "node:path";
import { createClient } from "redis";
import { LOCAL_INSIGHTS_FILE } from "./constants";
import { questionsPerDaySvg } from "./plot";
import { INSIGHTS_SVG_FILE, insightsMarkdown } from "./report";
import { readFileInsights, readRedisInsights } from "./stores";
import { summarizeInsights } from "./summarize";
import type { InsightEvent } from "./types";

/** The markdown report's file name inside the output folder. */
const MARKDOWN_FILE = "insights.md";

const USAGE = "usage: npm run insights -- [--file <events.jsonl or exported log>] [--out <dir>]";

/** `--file` and `--out`; anything else is refused with the usage. */
export function parseInsightsArgs(argv: string[]): { file?: string; out: string } {
  const args: { file?: string; out: string } = { out: "reports" };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if ((flag !== "--file" && flag !== "--out") || !value) throw new Error(`unknown or incomplete argument '${argv[i - (inline ? 0 : 1)] ?? flag}'\n${USAGE}`);
    if (flag === "--file") args.file = value;
    else args.out = value;
  }
  return args;
}

/** Reads the events: `--file`, else Redis when `redisUrl` is set, else the local JSONL file (`CHAT_INSIGHTS_FILE`). */
async function readEvents({ file, redisUrl, localFile = LOCAL_INSIGHTS_FILE, root }: { file?: string; redisUrl?: string; localFile?: string; root: string }): Promise<{ events: InsightEvent[]; source: string }> {
  if (file) return { events: readFileInsights({ file: path.resolve(root, file) }), source: file };
  if (redisUrl) {
    const client = createClient({ url: redisUrl, socket: { connectTimeout: 3_000, reconnectStrategy: false } });
    client.on("error", () => {}); // connect() rejects with the reason below
    try {
      await client.connect();
    } catch (error) {
      throw new Error(`cannot reach Redis at REDIS_URL (${error instanceof Error ? error.message : String(error)})`);
    }
    try {
      return { events: await readRedisInsights({ client }), source: "Redis (REDIS_URL)" };
    } finally {
      await client.close().catch(() => client.destroy());
    }
  }
  return { events: readFileInsights({ file: path.resolve(root, localFile) }), source: localFile };
}

/** `npm run insights`: reads the events, prints the markdown report and writes it with its plot to `--out` (default `reports/`). */
export async function runInsightsCommand({ argv, redisUrl, localFile, root = process.cwd(), print = console.log, now = new Date() }: {
  argv: string[];
  redisUrl?: string;
  /** `CHAT_INSIGHTS_FILE`, the local store when there is no Redis. */
  localFile?: string;
  root?: string;
  print?: (text: string) => void;
  now?: Date;
}): Promise<{ markdown: string; files: string[] }> {
  const args = parseInsightsArgs(argv);
  const { events, source } = await readEvents({ file: args.file, redisUrl, localFile, root });
  const summary = summarizeInsights(events);
  const markdown = insightsMarkdown({ summary, source, generatedAt: now });
  const dir = path.resolve(root, args.out);
  fs.mkdirSync(dir, { recursive: true });
  const files = [path.join(dir, MARKDOWN_FILE), path.join(dir, INSIGHTS_SVG_FILE)];
  fs.writeFileSync(files[0]!, markdown);
  fs.writeFileSync(files[1]!, questionsPerDaySvg({ days: summary.days, title: `${summary.questions.length} questions` }));
  print(markdown);
  print(`insights: wrote ${files.map((f) => path.relative(root, f)).join(" and ")}`);
  return { markdown, files };
}
