import nlp from "wink-nlp-utils";
import { tokenize } from "../../search/bm25";

/** Filler that says nothing about a topic in a sentence or a question ("kind", "thing", "more"); a question's own framing is cut first by the search's `topicWordsOf`. */
const FILLER_WORDS = new Set([
  "kind", "sort", "type", "tell", "thing", "things", "done", "can", "could", "would", "ever", "please",
  "know", "anything", "something", "more", "much", "also", "way", "latest", "recent", "recently", "newest", "lately",
]);

/** What is left of a contraction once split at the apostrophe ("what's", "I've", "don't"): never a topic. */
const CONTRACTION_PARTS = new Set(["ve", "ll", "re", "don", "didn", "doesn", "isn", "wasn", "aren", "haven", "hasn", "couldn", "wouldn", "shouldn"]);

/** The content words of a text, stop words and question-frame words dropped, stemmed ("working" → "work"). */
export function contentTerms(text: string): string[] {
  const words = nlp.tokens
    .removeWords(tokenize(text))
    .filter((word) => !FILLER_WORDS.has(word) && !CONTRACTION_PARTS.has(word) && !/^\p{L}$/u.test(word));
  return nlp.tokens.stem(words);
}
