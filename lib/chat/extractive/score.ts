import { BM25_B, BM25_K1 } from "../../search/bm25";
import { OPENING_BONUS, RANK_BONUS, TITLE_WEIGHT } from "./constants";
import type { Candidate } from "./candidates";

/** The question's content words, each with its weight (1 for the question, less for earlier turns). */
export type QueryTerms = Map<string, number>;

/** A candidate's score, and how much of it comes from the question's words (in the candidate or its source's title). */
export interface CandidateScore {
  score: number;
  match: number;
}

/**
 * Scores each candidate against the question: BM25 over the candidates as documents
 * (so a word every sentence shares counts for little), plus the question's words in the
 * source's title, a bonus for the source's rank and a small one for a paragraph's opening.
 */
export function scoreCandidates({ candidates, query, titleTerms }: { candidates: Candidate[]; query: QueryTerms; titleTerms: string[][] }): CandidateScore[] {
  const total = candidates.length;
  const documentFrequency = new Map<string, number>();
  for (const candidate of candidates) for (const term of new Set(candidate.terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };
  const averageLength = candidates.reduce((sum, c) => sum + c.terms.length, 0) / Math.max(1, total) || 1;
  const titleScores = titleTerms.map((terms) => [...new Set(terms)].reduce((sum, term) => sum + (query.get(term) ?? 0) * idf(term), 0));

  return candidates.map((candidate) => {
    const counts = new Map<string, number>();
    for (const term of candidate.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * candidate.terms.length) / averageLength);
    let match = 0;
    for (const [term, weight] of query) {
      const tf = counts.get(term) ?? 0;
      if (tf > 0) match += weight * idf(term) * ((tf * (BM25_K1 + 1)) / (tf + norm));
    }
    // Question words in the section's title count as a match for what sits right under it (a paragraph's
    // opening, a list's items, a table's rows): the section is about them, not each of its sentences.
    if (candidate.opening || candidate.kind !== "sentence") match += TITLE_WEIGHT * (titleScores[candidate.source] ?? 0);
    const bonus = RANK_BONUS / (candidate.source + 1) + (candidate.opening ? OPENING_BONUS : 0);
    return { score: match + bonus, match };
  });
}
