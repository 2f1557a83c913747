import { MAX_CHUNK_CHARS } from "./constants";

/** Cuts text longer than `MAX_CHUNK_CHARS` at sentence ends, then at spaces, then anywhere, never over the cap. */
function splitLongText(text: string): string[] {
  if (text.length <= MAX_CHUNK_CHARS) return [text];
  const sentences = text.match(/[^.!?\n]+(?:[.!?]+["')\]]*|\n|$)\s*/g) ?? [text];
  return packPieces(sentences.flatMap((sentence) => (sentence.length <= MAX_CHUNK_CHARS ? [sentence] : splitAtSpaces(sentence))));
}

function splitAtSpaces(text: string): string[] {
  const words = text.split(/(?<=\s)/);
  return packPieces(words.flatMap((word) => (word.length <= MAX_CHUNK_CHARS ? [word] : word.match(new RegExp(`[^]{1,${MAX_CHUNK_CHARS}}`, "g")) ?? [])));
}

/** Greedily packs pieces, in order, into groups whose joined length stays under the cap. */
function packPieces(pieces: string[]): string[] {
  const groups: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current + piece;
    if (joined.trim().length <= MAX_CHUNK_CHARS || !current) current = joined;
    else {
      groups.push(current.trim());
      current = piece;
    }
  }
  if (current.trim()) groups.push(current.trim());
  return groups;
}

/** Groups a section's blocks into parts under the cap, cutting only between paragraphs unless one paragraph alone is too long. */
export function splitBlocks(blocks: string[]): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const block of blocks.flatMap(splitLongText)) {
    if (current.length > 0 && length + block.length + 2 > MAX_CHUNK_CHARS) {
      parts.push(current);
      current = [];
      length = 0;
    }
    current.push(block);
    length += block.length + 2;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
