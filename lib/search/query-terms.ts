import nlp from "wink-nlp-utils";
import { expandAbbreviations, type Abbreviation } from "./abbreviations";
import { tokenize } from "./bm25";
import { labelExpansionsOf, labelsForWords, type LabelExpansion } from "./everyday-labels";
import type { SearchIndex } from "./types";

/**
 * Words that frame a question to a person rather than name its topic ("what kind of …
 * have you done", "tell me about …", "can you describe …", "where did you work"). BM25's
 * stop list keeps them, so they would match any chunk that happens to use them ("The
 * five months I didn't work"). General English question phrasing, never a question's topic.
 */
export const QUESTION_FRAME_WORDS: ReadonlySet<string> = new Set([
  "tell", "kind", "kinds", "sort", "sorts", "type", "types", "done", "doing", "do", "does", "did", "can", "could", "would", "will", "please",
  "know", "thing", "things", "stuff", "anything", "something", "ever", "really", "actually", "describe", "explain", "share", "give", "get",
  "work", "works", "worked", "working", "use", "used", "using", "like", "much", "many", "lot", "lots", "any", "some", "tried", "try",
  "given", "gave", "giving", "gives", "call", "called", "happen", "happens", "happened", "mean", "means",
  "write", "wrote", "written", "writing", "build", "built", "building", "make", "made", "making",
]);

/** Phrases that place a question in the present ("what do you do these days?"): framing, like "currently", never the topic ("days"). */
const PRESENT_TIME_PHRASES = /\b(these days|nowadays|currently|right now|at the moment|at present)\b/gi;

/** The query's words that BM25 does not already drop as stop words (lower-cased, accents folded), single letters ("what's" → "s") dropped. */
function meaningfulWords(query: string): string[] {
  return nlp.tokens.removeWords(tokenize(query.replace(PRESENT_TIME_PHRASES, " "))).filter((word) => word.length > 1);
}

/** The word a question made only of stop words about "you" stands for ("who are you?", "what do you do?"): it asks about the author. */
const ABOUT_THE_AUTHOR = "yourself";

/** True for a question with no word but stop words that addresses the author ("who are you?", "and you?"). */
function asksAboutTheAuthor(query: string): boolean {
  return meaningfulWords(query).length === 0 && tokenize(query).some((word) => word === "you" || word === ABOUT_THE_AUTHOR);
}

/** True when one of {@link meaningfulWords} names a topic: not question framing (stop words are already gone). */
function isTopicWord(word: string): boolean {
  return !QUESTION_FRAME_WORDS.has(word);
}

/**
 * A section label counts two thirds of one of the question's own words (BM25 counts a
 * repeated query word again, so the ratio is written as repeats): "where did you study?"
 * still finds Education first, and a label never outranks a real topic word ("what
 * tools do you use for monitoring?" stays about monitoring, not the Skills list).
 */
const LABEL_WEIGHT = { own: 3, label: 2 } as const;

/**
 * The text BM25 matches for a question: its words with the author's abbreviations
 * expanded both ways and everyday words joined by the author's own section labels
 * ("study" → "education"), minus question framing. When framing is all a question has
 * ("what do you work on?"), it is kept, so the question still matches something.
 */
export function lexicalQueryOf({ query, abbreviations, labels = [] }: { query: string; abbreviations: Abbreviation[]; labels?: LabelExpansion[] }): string {
  const words = meaningfulWords(expandAbbreviations(query, abbreviations));
  const topical = words.filter(isTopicWord);
  const kept = topical.length > 0 ? topical : words;
  const added = labelsOfQuestion({ query, kept, labels });
  if (added.length === 0) return kept.join(" ");
  const repeat = (words: string[], times: number) => Array.from({ length: times }, () => words).flat();
  return [...repeat(kept, LABEL_WEIGHT.own), ...repeat(added, LABEL_WEIGHT.label)].join(" ");
}

/**
 * The author's section labels a question's everyday words stand for ("where did you
 * study?" → education). Stop words may carry one ("tell me about yourself"), framing
 * only when it is all the question has (`kept`); a present-time phrase reads as
 * "nowadays", which a resume's "Nov 2022 – present" answers.
 */
export function labelsOfQuestion({ query, kept = meaningfulWords(query).filter(isTopicWord), labels }: { query: string; kept?: string[]; labels: readonly LabelExpansion[] }): string[] {
  const labelled = tokenize(query.replace(PRESENT_TIME_PHRASES, " nowadays ")).filter((word) => kept.includes(word) || !QUESTION_FRAME_WORDS.has(word));
  if (asksAboutTheAuthor(query)) labelled.push(ABOUT_THE_AUTHOR);
  return labelsForWords(labelled, labels);
}

/** {@link lexicalQueryOf} with an index's abbreviations and label expansions. */
export function lexicalQueryIn(index: Pick<SearchIndex, "abbreviations" | "chunks">, query: string): string {
  return lexicalQueryOf({ query, abbreviations: index.abbreviations, labels: labelExpansionsOf(index.chunks) });
}

/** The topic words of a question (expansions not included): what the covered decision asks the writing to match. */
export function topicWordsOf(query: string): string[] {
  if (asksAboutTheAuthor(query)) return [ABOUT_THE_AUTHOR];
  const words = meaningfulWords(query);
  const topical = words.filter(isTopicWord);
  return [...new Set(topical.length > 0 ? topical : words)];
}
