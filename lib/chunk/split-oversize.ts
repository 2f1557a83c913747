import { MAX_CHUNK_CHARS } from "./constants";

/** Cuts text longer than `maxChars` at sentence ends, then at spaces, then anywhere, never over the cap. */
export function splitLongText(text: string, maxChars = MAX_CHUNK_CHARS): string[] {
  if (text.length <= maxChars) return [text];
  const sentences = text.match(/[^.!?\n]+(?:[.!?]+["')\]]*|\n|$)\s*/g) ?? [text];
  const pieces = sentences.flatMap((sentence) => (sentence.length <= maxChars ? [sentence] : splitAtSpaces(sentence, maxChars)));
  return packPieces(pieces, maxChars, "");
}

function splitAtSpaces(text: string, maxChars: number): string[] {
  const words = text.split(/(?<=\s)/);
  const hard = words.flatMap((word) => (word.length <= maxChars ? [word] : word.match(new RegExp(`[^]{1,${maxChars}}`, "g")) ?? []));
  return packPieces(hard, maxChars, "");
}

/** Greedily packs pieces, in order, into groups whose joined length stays under the cap. */
function packPieces(pieces: string[], maxChars: number, separator: string): string[] {
  const groups: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current ? current + separator + piece : piece;
    if (joined.trim().length <= maxChars || !current) current = joined;
    else {
      groups.push(current.trim());
      current = piece;
    }
  }
  if (current.trim()) groups.push(current.trim());
  return groups;
}

/** Groups a section's blocks into parts under the cap, cutting only between paragraphs unless one paragraph alone is too long. */
export function splitBlocks(blocks: string[], maxChars = MAX_CHUNK_CHARS): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const block of blocks.flatMap((b) => splitLongText(b, maxChars))) {
    if (current.length > 0 && length + block.length + 2 > maxChars) {
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
