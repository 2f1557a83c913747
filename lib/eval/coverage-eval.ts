import { retrievalQueryOf } from "./questions";
import { COVERED_THRESHOLDS, decideCoverage, isLexicallyCovered, type LexicalThresholds } from "../search/coverage";
import { searchIndex } from "../search/search";
import type { SearchIndex } from "../search/types";
import { SHALLOW_K } from "./metrics";
import type { EvalQuestion } from "./types";

/** One question as the covered decision sees it: asked first, or (unanswerables) after an unrelated answerable question. */
export interface CoverageCase {
  id: string;
  answerable: boolean;
  asked: "first" | "follow-up";
  question: string;
  history: string[];
  query: string;
  /** Fit half (0) or held-out half (1): alternate questions, so both halves hold every type. */
  half: 0 | 1;
  /** The chunk URLs that answer it (none for unanswerable questions). */
  expected: string[];
}

/** The evidence of one case, measured once; decisions under any thresholds are read from it. */
export interface CoverageMeasure extends CoverageCase {
  lexical: number;
  vocabulary: number;
  topical: number;
  /** Kinds of personal detail asked for that no best chunk is about. */
  unsupportedDetails: string[];
  /** Covered whatever the lexical thresholds ("latest" questions answered by dates). */
  always: boolean;
  /** Best cosine, when the query had a usable vector. */
  dense: number | null;
  /** Whether lexical retrieval put an expected URL in its top SHALLOW_K: refusing such a question loses an answer the sources held. */
  answerFound: boolean;
}

/** Which answerable question an unanswerable one follows in its follow-up case: spread over the set, the same each run. */
const FOLLOW_UP_STRIDE = 7;

/** Every case: each question asked first, and each unanswerable again as a follow-up to an answerable question. */
export function coverageCases(questions: EvalQuestion[]): CoverageCase[] {
  const answerable = questions.filter((q) => q.expected.length > 0);
  const first = questions.map((q, i): CoverageCase => ({ id: q.id, answerable: q.expected.length > 0, asked: q.history ? "follow-up" : "first", question: q.question, history: q.history ?? [], query: retrievalQueryOf(q), half: (i % 2) as 0 | 1, expected: q.expected }));
  const followUps = questions.filter((q) => q.expected.length === 0).map((q, i): CoverageCase => {
    const history = [answerable[(i * FOLLOW_UP_STRIDE) % answerable.length]!.question];
    return { id: q.id, answerable: false, asked: "follow-up", question: q.question, history, query: retrievalQueryOf({ ...q, history }), half: (questions.indexOf(q) % 2) as 0 | 1, expected: [] };
  });
  return [...first, ...followUps];
}

/** Measures each case's evidence on the index (dense only when `vectorOf` gives its query a vector). */
export function measureCoverage({ index, cases, vectorOf }: { index: SearchIndex; cases: CoverageCase[]; vectorOf: (query: string) => Float32Array | undefined }): CoverageMeasure[] {
  return cases.map((c) => {
    const lexical = searchIndex({ index, query: c.query, limit: SHALLOW_K });
    const { evidence } = decideCoverage({ index, query: c.query, bm25: lexical.bm25 });
    const queryVector = vectorOf(c.query);
    const dense = queryVector ? (searchIndex({ index, query: c.query, queryVector, lexical: lexical.bm25 }).denseTop ?? null) : null;
    const top = lexical.results.map((result) => result.chunk.url);
    return { ...c, lexical: evidence.lexical, vocabulary: evidence.vocabulary, topical: evidence.topical, unsupportedDetails: evidence.unsupportedDetails, always: evidence.recentOnly, dense, answerFound: c.expected.some((url) => top.includes(url)) };
  });
}

/** Covered under these thresholds: lexically, or (hybrid) by a dense match at or above `denseMin`, or (hybrid, no `denseMin`) left to the model. */
export function isCovered(m: CoverageMeasure, thresholds: LexicalThresholds, dense?: { denseMin: number | null }): boolean {
  if (m.always || isLexicallyCovered(m, thresholds)) return true;
  if (!dense || m.dense === null) return false;
  return dense.denseMin === null || m.dense >= dense.denseMin;
}

/** Refusal rates on unanswerable cases (asked first, as follow-ups) and the false-refusal rate on answerable ones. */
export interface RefusalFigures {
  refusedFirst: number;
  refusedFollowUp: number;
  /** Answerable questions refused, whatever retrieval found. */
  refusedAnswerable: number;
  /** Answerable questions refused although lexical retrieval had an answering chunk in its top SHALLOW_K. */
  falseRefusals: number;
  unanswerableFirst: number;
  unanswerableFollowUp: number;
  answerable: number;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** The refusal figures of a set of cases under one decision rule. */
export function refusalFigures(measures: CoverageMeasure[], covered: (m: CoverageMeasure) => boolean): RefusalFigures {
  const first = measures.filter((m) => !m.answerable && m.asked === "first");
  const followUp = measures.filter((m) => !m.answerable && m.asked === "follow-up");
  const answerable = measures.filter((m) => m.answerable);
  return {
    refusedFirst: rate(first.filter((m) => !covered(m)).length, first.length),
    refusedFollowUp: rate(followUp.filter((m) => !covered(m)).length, followUp.length),
    refusedAnswerable: rate(answerable.filter((m) => !covered(m)).length, answerable.length),
    falseRefusals: rate(answerable.filter((m) => m.answerFound && !covered(m)).length, answerable.length),
    unanswerableFirst: first.length,
    unanswerableFollowUp: followUp.length,
    answerable: answerable.length,
  };
}

/** Threshold grids searched by the fit: evidence 0–0.6 and vocabulary 0–1 in steps of 0.05 and 0.1. */
const EVIDENCE_GRID = Array.from({ length: 13 }, (_, i) => i * 0.05);
const VOCABULARY_GRID = Array.from({ length: 11 }, (_, i) => i * 0.1);
const TOPICAL_GRID = Array.from({ length: 7 }, (_, i) => i * 0.1);

/**
 * The share of answerable questions the fit may falsely refuse (the bound). A
 * refusal is false when lexical retrieval had an answering chunk in its top SHALLOW_K:
 * it throws away sources that answer. Refusing a paraphrase that keyword search misses
 * loses nothing the sources held (and with a query vector it goes to the model instead).
 * The fit maximises the refusal rate of unanswerable questions under this bound.
 */
export const MAX_FALSE_REFUSALS = 0.05;

/** The lexical thresholds that refuse the most unanswerable cases of the fit half within MAX_FALSE_REFUSALS (ties: the lower thresholds). */
export function fitLexicalThresholds(measures: CoverageMeasure[]): LexicalThresholds {
  const fit = measures.filter((m) => m.half === 0);
  let best = { thresholds: { evidence: 0, vocabulary: 0, topical: 0 }, score: -Infinity };
  for (const topical of TOPICAL_GRID) {
    for (const evidence of EVIDENCE_GRID) {
      for (const vocabulary of VOCABULARY_GRID) {
        const thresholds = { evidence: Number(evidence.toFixed(2)), vocabulary: Number(vocabulary.toFixed(1)), topical: Number(topical.toFixed(1)) };
        const f = refusalFigures(fit, (m) => isCovered(m, thresholds));
        const score = f.falseRefusals <= MAX_FALSE_REFUSALS ? (f.refusedFirst + f.refusedFollowUp) / 2 : -Infinity;
        if (score > best.score + 1e-9) best = { thresholds, score };
      }
    }
  }
  return best.thresholds;
}

/** Margin above the closest unanswerable question's cosine: the dense threshold must not cover any of them. */
const DENSE_MARGIN = 0.01;

/** A dense threshold for the configured model: just above every unanswerable case's best cosine on the fit half; null without vectors. */
export function fitDenseThreshold(measures: CoverageMeasure[]): number | null {
  const cosines = measures.filter((m) => m.half === 0 && !m.answerable && m.dense !== null).map((m) => m.dense!);
  if (cosines.length === 0) return null;
  return Number((Math.max(...cosines) + DENSE_MARGIN).toFixed(3));
}

/** Everything the reports show about the covered decision. */
export interface CoverageReport {
  inForce: LexicalThresholds;
  fitted: LexicalThresholds;
  /** Dense threshold fitted for this model, or null without vectors. */
  denseFitted: number | null;
  lexical: { all: RefusalFigures; fitHalf: RefusalFigures; heldOut: RefusalFigures; fittedHeldOut: RefusalFigures };
  /** Hybrid with no dense threshold set (weak lexical evidence goes to the model) and with the fitted one; absent without vectors. */
  hybrid?: { unset: RefusalFigures; fitted: RefusalFigures };
  measures: CoverageMeasure[];
}

/** Measures, fits and scores the covered decision over the eval set. */
export function evaluateCoverage({ index, questions, vectorOf }: { index: SearchIndex; questions: EvalQuestion[]; vectorOf: (query: string) => Float32Array | undefined }): CoverageReport {
  const measures = measureCoverage({ index, cases: coverageCases(questions), vectorOf });
  const inForce = COVERED_THRESHOLDS;
  const fitted = fitLexicalThresholds(measures);
  const lexicalRule = (thresholds: LexicalThresholds) => (m: CoverageMeasure) => isCovered(m, thresholds);
  const denseFitted = fitDenseThreshold(measures);
  const hasVectors = measures.some((m) => m.dense !== null);
  return {
    inForce,
    fitted,
    denseFitted,
    lexical: {
      all: refusalFigures(measures, lexicalRule(inForce)),
      fitHalf: refusalFigures(measures.filter((m) => m.half === 0), lexicalRule(inForce)),
      heldOut: refusalFigures(measures.filter((m) => m.half === 1), lexicalRule(inForce)),
      fittedHeldOut: refusalFigures(measures.filter((m) => m.half === 1), lexicalRule(fitted)),
    },
    ...(hasVectors
      ? { hybrid: { unset: refusalFigures(measures, (m) => isCovered(m, inForce, { denseMin: null })), fitted: refusalFigures(measures, (m) => isCovered(m, inForce, { denseMin: denseFitted })) } }
      : {}),
    measures,
  };
}
