const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Abbreviations the segmenter ends a sentence after ("e.g. Go" is one sentence, not two). */
const ABBREVIATION_END = /\b(e\.g|i\.e|etc|vs|cf|approx|incl|Mr|Mrs|Ms|Dr|St)\.$/i;

/**
 * Splits prose into trimmed sentences with `Intl.Segmenter`, rejoining splits after common
 * abbreviations and before a lower-case start (a quoted question mid-sentence: `"why?" in seconds`).
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let pending = "";
  for (const { segment } of segmenter.segment(text)) {
    if (sentences.length > 0 && !pending && /^\p{Ll}/u.test(segment)) {
      pending = `${sentences.pop()} `;
    }
    pending += segment;
    if (ABBREVIATION_END.test(pending.trim())) continue;
    if (pending.trim()) sentences.push(pending.trim());
    pending = "";
  }
  if (pending.trim()) sentences.push(pending.trim());
  return sentences;
}
