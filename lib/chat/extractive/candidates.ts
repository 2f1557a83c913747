import { MAX_ITEM_CHARS, MAX_SENTENCE_CHARS, MIN_SENTENCE_CHARS } from "./constants";
import type { SourceBlock } from "./read-source";
import { splitSentences } from "./sentences";
import { contentTerms } from "./terms";

/** One quotable unit of one source: a prose sentence, a list item or a table row. */
export interface Candidate {
  /** Position of the source in the answer's sources (0 = best ranked). */
  source: number;
  block: number;
  /** Position of the (first) sentence, item or row in its block. */
  index: number;
  /** Sentences it spans: 2 when a sentence that leans on the one before ("It …") is quoted with it. */
  span: number;
  kind: "sentence" | "item" | "row";
  /** The text as it is quoted (a row already written out as "**first cell** — Header: value; …"). */
  text: string;
  terms: string[];
  /** The first sentence of a paragraph. */
  opening: boolean;
}

/** Widest table whose rows still read as one short line each. */
const MAX_TABLE_COLUMNS = 5;

/** Opening words that point back at the sentence before: quoted alone, such a sentence loses its subject. */
const LEANS_BACK = /^(It|Its|It's|This|That|These|Those|They|Their|He|She|His|Her|Then|So|But|And|Also|Both|Neither)\b/;

function quotableSentence(sentence: string): boolean {
  // A question or a lead-in answers nothing.
  return sentence.length >= MIN_SENTENCE_CHARS && sentence.length <= MAX_SENTENCE_CHARS && !/[?:]["”')]*$/.test(sentence);
}

/** A prose sentence as quoted: with the sentence before when it leans on it, if both fit. */
function sentenceUnit(sentences: string[], i: number): { index: number; span: number; text: string } | undefined {
  const sentence = sentences[i]!;
  if (!quotableSentence(sentence)) return undefined;
  if (i === 0 || !LEANS_BACK.test(sentence)) return { index: i, span: 1, text: sentence };
  const pair = `${sentences[i - 1]} ${sentence}`;
  return quotableSentence(sentences[i - 1]!) && pair.length <= MAX_SENTENCE_CHARS ? { index: i - 1, span: 2, text: pair } : undefined;
}

/** A list item whole when short, else its first sentence, else nothing. */
function itemText(item: string): string | undefined {
  if (item.length <= MAX_ITEM_CHARS) return item;
  const first = splitSentences(item)[0];
  return first && first.length <= MAX_ITEM_CHARS ? first : undefined;
}

/** One table row as a line: "**first cell** — Header: value; Header: value". */
export function writeRow(header: string[], row: string[]): string {
  const rest = row.slice(1).flatMap((cell, i) => (cell ? [header[i + 1] ? `${header[i + 1]}: ${cell}` : cell] : []));
  return rest.length > 0 ? `**${row[0]}** — ${rest.join("; ")}` : `**${row[0]}**`;
}

/** Every quotable unit of the given sources' blocks, with its content words. */
export function collectCandidates(blocksBySource: SourceBlock[][]): Candidate[] {
  const candidates: Candidate[] = [];
  blocksBySource.forEach((blocks, source) => {
    blocks.forEach((block, blockIndex) => {
      const add = (kind: Candidate["kind"], index: number, text: string, termsOf = text, span = 1) =>
        candidates.push({ source, block: blockIndex, index, span, kind, text, terms: contentTerms(termsOf), opening: index === 0 });
      if (block.type === "prose") block.sentences.forEach((_, i) => {
        const unit = sentenceUnit(block.sentences, i);
        if (unit) add("sentence", unit.index, unit.text, unit.text, unit.span);
      });
      if (block.type === "list") block.items.forEach((item, i) => {
        const text = itemText(item);
        if (text) add("item", i, text);
      });
      if (block.type === "table" && block.header.length <= MAX_TABLE_COLUMNS) block.rows.forEach((row, i) => {
        const text = writeRow(block.header, row);
        // The column names count for every row: "how fast was Go compared to Flask?" names columns, not cells.
        if (row[0] && text.length <= MAX_ITEM_CHARS) add("row", i, text, [...block.header, ...row].join(" "));
      });
    });
  });
  return candidates;
}
