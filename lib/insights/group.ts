import nlp from "wink-nlp-utils";
import { tokenize } from "../search/bm25";
import { NEAR_DUPLICATE_JACCARD } from "./constants";

/** The content words of a question as search reads them: lower case, accents folded, punctuation and stop words dropped. */
export function wordsOf(text: string): Set<string> {
  return new Set(nlp.tokens.removeWords(tokenize(text)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Near-duplicate questions gathered under the first wording seen. */
export interface QuestionGroup<T> {
  text: string;
  items: T[];
}

/**
 * Groups items whose texts are rewordings of each other (word-set Jaccard at least
 * `NEAR_DUPLICATE_JACCARD`), greedily in order: each joins the first group it is close to.
 */
export function groupNearDuplicates<T>(items: T[], textOf: (item: T) => string, threshold = NEAR_DUPLICATE_JACCARD): QuestionGroup<T>[] {
  const groups: Array<QuestionGroup<T> & { words: Set<string> }> = [];
  for (const item of items) {
    const words = wordsOf(textOf(item));
    const group = groups.find((g) => jaccard(g.words, words) >= threshold);
    if (group) group.items.push(item);
    else groups.push({ text: textOf(item), items: [item], words });
  }
  return groups.map(({ text, items: members }) => ({ text, items: members }));
}
