import { PASSAGE_SEPARATOR } from "../../search/pack-context";
import { splitSentences } from "./sentences";

/** One quotable block of a source: prose as sentences, a list (with the sentence that leads into it), or a table. */
export type SourceBlock =
  | { type: "prose"; sentences: string[] }
  | { type: "list"; lead?: string; items: string[] }
  | { type: "table"; header: string[]; rows: string[][] };


/** The summary lines an intro chunk carries for search, not for reading. */
const SUMMARY_LABEL = /^(Tags|Technologies):\s/;

/** Longest line taken for a heading when it has no sentence punctuation (merged sections carry their heading as a block). */
const MAX_HEADING_CHARS = 90;

/** Share of code punctuation above which a block is code, not prose. */
const CODE_SYMBOL_SHARE = 0.08;

function looksLikeCode(lines: string[]): boolean {
  if (lines.some((line) => /^(#|\$ |\/\/|>>> |\s{2,}\S)/.test(line))) return true;
  const text = lines.join("\n");
  const symbols = text.match(/[{}()[\];=<>$\\|`_*]/g)?.length ?? 0;
  return symbols / text.length > CODE_SYMBOL_SHARE;
}

function looksLikeHeading(lines: string[]): boolean {
  const line = lines[0]!;
  return lines.length === 1 && line.length <= MAX_HEADING_CHARS && !/[.!:;…"”')]$/.test(line);
}

function looksLikeTable(lines: string[]): boolean {
  if (lines.length < 2 || !lines.every((line) => line.includes(" | ") || /^\| |\s\|$/.test(line))) return false;
  const width = lines[0]!.split("|").length;
  return lines.every((line) => line.split("|").length === width);
}

/** Items of a "- " list; lines that do not start an item continue the one before (a wrapped item). */
function listItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (line.startsWith("- ")) items.push(line.slice(2).replace(/^\[[ xX]\]\s+/, "").trim());
    else if (items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items.filter(Boolean);
}

function readBlock(raw: string): SourceBlock | undefined {
  const lines = raw.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return undefined;
  if (lines[0]!.startsWith("- ")) return looksLikeCode(lines) && !lines.every((l) => l.startsWith("- ")) ? undefined : { type: "list", items: listItems(lines) };
  if (looksLikeTable(lines)) {
    const [header, ...rows] = lines.map((line) => line.split("|").map((cell) => cell.trim()));
    return { type: "table", header: header!, rows };
  }
  if (lines.length === 1 && SUMMARY_LABEL.test(lines[0]!)) return undefined;
  if (looksLikeCode(lines) || looksLikeHeading(lines)) return undefined;
  return { type: "prose", sentences: splitSentences(lines.map((line) => line.trim()).join(" ")) };
}

/** Drops the last sentence, item or row of a block: `packContext` cut it short with "…". */
function dropCutTail(block: SourceBlock | undefined): void {
  if (block?.type === "prose") block.sentences.pop();
  if (block?.type === "list") block.items.pop();
  if (block?.type === "table") block.rows.pop();
}

/**
 * Reads a numbered source's text into quotable blocks: each passage's heading-path line,
 * summary labels ("Tags:", "Technologies:"), heading lines and code are left out; a
 * sentence ending in ":" right before a list becomes that list's lead.
 */
export function readSourceBlocks(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  for (const passage of text.split(PASSAGE_SEPARATOR)) {
    const cut = passage.endsWith("…") && !passage.endsWith("\n…");
    const raws = passage.split(/\n{2,}/).slice(1); // the first block is the heading path: the source title shows it
    const read: SourceBlock[] = [];
    let lastKept = false;
    for (const raw of raws) {
      const block = readBlock(raw.trim());
      lastKept = block !== undefined;
      if (!block) continue;
      const previous = read.at(-1);
      if (block.type === "list" && previous?.type === "prose" && previous.sentences.at(-1)?.endsWith(":")) {
        block.lead = previous.sentences.pop();
        if (previous.sentences.length === 0) read.pop();
      }
      read.push(block);
    }
    if (cut && lastKept) dropCutTail(read.at(-1));
    blocks.push(...read);
  }
  return blocks.filter((block) => (block.type === "prose" ? block.sentences.length : block.type === "list" ? block.items.length : block.rows.length) > 0);
}
