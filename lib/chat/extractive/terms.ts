import nlp from "wink-nlp-utils";

/** Words of a question's frame ("what kind of … have you done", "tell me more") that say nothing about its topic. */
const QUESTION_FRAME_WORDS = new Set([
  "kind", "sort", "type", "tell", "thing", "things", "done", "can", "could", "would", "ever", "please",
  "anything", "something", "more", "much", "also", "way", "latest", "recent", "recently", "newest", "lately",
]);

/** Lower-cases, folds accents ("ékezet" → "ekezet") and splits on anything not a letter or digit. */
function tokenize(text: string): string[] {
  const folded = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The content words of a text, stop words and question-frame words dropped, stemmed ("working" → "work"). */
export function contentTerms(text: string): string[] {
  const words = nlp.tokens.removeWords(tokenize(text)).filter((word) => !QUESTION_FRAME_WORDS.has(word));
  return nlp.tokens.stem(words);
}
