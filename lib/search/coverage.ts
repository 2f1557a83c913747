import { BM25_K1, indexTokens, scoreByBm25, type Bm25 } from "./bm25";
import { lexicalQueryIn, topicWordsOf } from "./query-terms";
import { labelExpansionsOf, labelsForWords } from "./everyday-labels";
import { asksForRecent } from "./recency";
import { detailTokensOf, personalDetailsAskedIn } from "./personal-details";
import { isTopicalIn, placeTokensOf } from "./topicality";
import type { SearchIndex } from "./types";

/**
 * Least lexical evidence (0..1, see {@link lexicalEvidence}) for a question to count as
 * covered: fitted by `npm run eval` on half the questions (answerable and unanswerable,
 * asked first and as follow-ups) and checked on the other half, never per question. A
 * question whose best chunk holds only a sliver of its words is not one the writing answers.
 */
export const LEXICAL_COVERED_MIN = 0.15;

/**
 * Least share (idf-weighted) of a question's topic words that the writing uses anywhere:
 * below it, the words that carry the question ("married", "France") are ones the author
 * never wrote. Fitted with LEXICAL_COVERED_MIN by `npm run eval`.
 */
export const VOCABULARY_COVERED_MIN = 0.3;

/**
 * Least share (idf-weighted) of a question's topic words that one of its best chunks is
 * about (the word in its title, headings, tags or a list of named things, or mentioned
 * at least twice in the chunk itself): a question resting only on passing mentions is not one the writing covers.
 * Fitted with the others by `npm run eval`.
 */
export const TOPICAL_COVERED_MIN = 0.1;

/** The two lexical thresholds of the covered decision. */
export interface LexicalThresholds {
  evidence: number;
  vocabulary: number;
  topical: number;
}

/** The thresholds in force. */
export const COVERED_THRESHOLDS: LexicalThresholds = { evidence: LEXICAL_COVERED_MIN, vocabulary: VOCABULARY_COVERED_MIN, topical: TOPICAL_COVERED_MIN };

/** Chunks whose evidence is weighed: the best BM25 matches; the answer leans on the top few, so evidence deeper down does not count. */
export const COVERAGE_CANDIDATES = 5;

/** What the decision rests on, logged and reported by the eval. */
export interface CoverageEvidence {
  /** The question's topic words, after stop words and question framing. */
  terms: string[];
  /** Those found in the best chunk. */
  matched: string[];
  /** Lexical evidence of the best chunk, 0..1. */
  lexical: number;
  /** Share of the topic words (idf-weighted) that occur anywhere in the writing, 0..1. */
  vocabulary: number;
  /** Share of the topic words (idf-weighted) that one of the best chunks is about, 0..1. */
  topical: number;
  /** Cosine of the best dense match, when the query had a usable vector. */
  dense: number | null;
  /** The dense threshold in force (`CHAT_DENSE_COVERED_MIN`), or null when none is set. */
  denseMin: number | null;
  /** URL of the chunk with the best lexical evidence. */
  bestUrl: string | null;
  /** The question asks only for the newest work, which the dates answer: covered whatever the thresholds. */
  recentOnly: boolean;
  /** Kinds of personal detail the question asks the author for ("contact", "family") that none of its best chunks sits in a place named for (title, headings, tags). */
  unsupportedDetails: string[];
}

/** Whether the writing covers a question, and why. */
export interface CoverageDecision {
  covered: boolean;
  /** The lexical evidence of the best chunk (0..1): the number the decision is mostly made on. */
  topScore: number;
  reason: string;
  evidence: CoverageEvidence;
}

const documentFrequencies = new WeakMap<Bm25, { df: Map<number, number>; documents: number }>();

/** How many chunks hold each token, read once per engine from its consolidated documents (see `prepareSearchIndex`). */
export function frequenciesOf(engine: Bm25): { df: Map<number, number>; documents: number } {
  let cached = documentFrequencies.get(engine);
  if (!cached) {
    const df = new Map<number, number>();
    const documents = Object.values(engine.getDocs());
    for (const { freq } of documents) for (const token of Object.keys(freq)) df.set(Number(token), (df.get(Number(token)) ?? 0) + 1);
    cached = { df, documents: documents.length };
    documentFrequencies.set(engine, cached);
  }
  return cached;
}

/** wink's idf (with its k = 1): how rare a token is; a token no chunk holds gets the highest. */
function idfOf(df: number, documents: number): number {
  return Math.log((documents - df + 0.5) / (df + 0.5) + 1);
}

/** Least weight of a topic word: one in most of the chunks still counts a little, so a question of only such words has a defined share. */
export const MIN_TERM_WEIGHT = 0.1;

/**
 * How much a topic word says about which chunk answers: Robertson–Spärck Jones idf
 * without wink's "+ 1", so a word in a quarter of the chunks ("Lisbon" on a Lisbon
 * blog) weighs about a fifth of a rare one rather than a third, and one in half of them
 * next to nothing. The shares of the covered decision are weighted by it.
 */
export function informativenessOf(df: number, documents: number): number {
  return Math.max(MIN_TERM_WEIGHT, Math.log((documents - df + 0.5) / (df + 0.5)));
}

/**
 * Lexical evidence of each candidate chunk: every topic word of the question weighs its
 * informativeness (a word the writing never uses weighs most), and counts by how strongly the chunk
 * holds it: its BM25 contribution over the most one token can add ((k1 + 1) × idf), so a
 * word in a heading counts more than one passing mention in a long body. 1 means every
 * word is matched strongly; 0 that none is.
 */
export function lexicalEvidence({ index, query, bm25 }: { index: SearchIndex; query: string; /** The question's BM25 ranking when the caller has it (the search's own). */ bm25?: number[] }): { terms: string[]; vocabulary: number; topical: number; best: { chunk: number; score: number; matched: string[] } | null; unsupportedDetails: string[] } {
  const engine = index.bm25;
  // "latest"/"newest" are answered by the dates (the recency list), not by a chunk that uses the word.
  const terms = topicWordsOf(query).filter((term) => !(asksForRecent(query) && asksForRecent(term)));
  const tokens = engine.getTokens();
  const { df, documents } = frequenciesOf(engine);
  const labels = labelExpansionsOf(index.chunks);
  const alternatives = terms.map((term) => {
    const expansions = [...index.abbreviations.filter((a) => a.short === term).map((a) => a.long), ...labelsForWords([term], labels)];
    return [...new Set([term, ...expansions].flatMap(indexTokens))].map((token) => ({ token, index: tokens[token] }));
  });
  // A word's weight is its idf (the rarest of its forms); a word the writing never uses weighs as a word used once would.
  const weightOf = (alts: typeof alternatives[number]) => {
    const known = alts.filter((a) => a.index !== undefined).map((a) => informativenessOf(df.get(a.index!) ?? 0, documents));
    return known.length > 0 ? Math.max(...known) : informativenessOf(1, documents);
  };
  const weights = alternatives.map((alts) => (alts.length === 0 ? 0 : weightOf(alts)));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let unsupportedDetails = personalDetailsAskedIn(query);
  if (total === 0) return { terms, vocabulary: 1, topical: 0, best: null, unsupportedDetails };
  const known = alternatives.reduce((sum, alts, i) => sum + (alts.some((a) => a.index !== undefined) ? weights[i]! : 0), 0);
  const docs = engine.getDocs();
  let best: { chunk: number; score: number; matched: string[] } | null = null;
  let topical = 0;
  const candidates = bm25?.slice(0, COVERAGE_CANDIDATES) ?? scoreByBm25({ engine, query: lexicalQueryIn(index, query), limit: COVERAGE_CANDIDATES }).map(([chunk]) => chunk);
  for (const chunk of candidates) {
    const freq = docs[String(chunk)]!.freq;
    let score = 0;
    const matched: string[] = [];
    alternatives.forEach((alts, i) => {
      const strength = Math.max(0, ...alts.map((a) => (a.index === undefined || !freq[a.index] ? 0 : freq[a.index]! / ((BM25_K1 + 1) * idfOf(df.get(a.index) ?? 0, documents)))));
      if (strength > 0) matched.push(terms[i]!);
      score += weights[i]! * Math.min(1, strength);
    });
    if (!best || score / total > best.score) best = { chunk, score: score / total, matched };
    const about = alternatives.reduce((sum, alts, i) => sum + (isTopicalIn({ chunks: index.chunks, position: chunk, tokens: alts.map((a) => a.token) }) ? weights[i]! : 0), 0);
    topical = Math.max(topical, about / total);
    const place = placeTokensOf({ chunks: index.chunks, position: chunk });
    unsupportedDetails = unsupportedDetails.filter((kind) => !detailTokensOf(kind).some((token) => place.has(token)));
  }
  return { terms, vocabulary: known / total, topical, best, unsupportedDetails };
}

/** The evidence a lexical decision is read from: measured once, judged under any thresholds. */
type LexicalMeasure = Pick<CoverageEvidence, "lexical" | "vocabulary" | "topical" | "unsupportedDetails">;

/**
 * The lexical rule of the covered decision, shared by the chat and the eval: every share
 * reaches its threshold, and no personal detail the question asks for ("your email
 * address") is left without a chunk about it.
 */
export function isLexicallyCovered(measure: LexicalMeasure, thresholds: LexicalThresholds): boolean {
  return measure.lexical >= thresholds.evidence && measure.vocabulary >= thresholds.vocabulary && measure.topical >= thresholds.topical && measure.unsupportedDetails.length === 0;
}

/**
 * The covered decision from the question's own evidence: covered when its lexical
 * evidence passes {@link isLexicallyCovered}, or its best dense match reaches `denseMin`.
 * Dense evidence can only make a question covered. With a usable query vector but no
 * `denseMin` set, weak lexical evidence is not enough to refuse: the model decides.
 */
export function decideCoverage({ index, query, bm25, denseTop = null, denseMin = null, thresholds = COVERED_THRESHOLDS }: {
  index: SearchIndex;
  query: string;
  /** The search's BM25 ranking of this query, when there is one: saves ranking it again. */
  bm25?: number[];
  denseTop?: number | null;
  denseMin?: number | null;
  /** The lexical thresholds; the eval passes others while fitting. */
  thresholds?: LexicalThresholds;
}): CoverageDecision {
  const { terms, vocabulary, topical, best, unsupportedDetails } = lexicalEvidence({ index, query, bm25 });
  const recentOnly = terms.length === 0 && asksForRecent(query);
  const lexical = recentOnly ? 1 : (best?.score ?? 0);
  const evidence: CoverageEvidence = { terms, matched: best?.matched ?? [], lexical, vocabulary, topical, dense: denseTop, denseMin, bestUrl: best ? index.chunks[best.chunk]!.url : null, recentOnly, unsupportedDetails };
  const decide = (covered: boolean, reason: string): CoverageDecision => ({ covered, topScore: lexical, reason, evidence });
  if (recentOnly) return decide(true, "asks only for the newest work, which the dates answer");
  const details = unsupportedDetails.length > 0 ? `, asks for ${unsupportedDetails.join(" and ")} details no best chunk is about` : "";
  const share = `lexical evidence ${lexical.toFixed(2)}, vocabulary ${vocabulary.toFixed(2)}, topical ${topical.toFixed(2)} (matched ${evidence.matched.length} of ${terms.length} topic words)${details}`;
  const limits = `${thresholds.evidence}, ${thresholds.vocabulary}, ${thresholds.topical}`;
  if (isLexicallyCovered(evidence, thresholds)) return decide(true, `${share} ≥ ${limits}`);
  if (denseTop !== null && denseMin !== null && denseTop >= denseMin) return decide(true, `${share}, but dense similarity ${denseTop.toFixed(3)} ≥ ${denseMin}`);
  if (denseTop !== null && denseMin === null) return decide(true, `${share}, but a query vector exists and no dense threshold is set (CHAT_DENSE_COVERED_MIN): the model decides`);
  const clauses = [details ? share : `${share} under ${limits}`, denseTop !== null ? `dense similarity ${denseTop.toFixed(3)} < ${denseMin}` : "no query vector"];
  return decide(false, clauses.join(", "));
}
