import type { Candidate } from "./candidates";
import { EXTRACTIVE_TARGET_CHARS, LIST_FILL_SLACK, MAX_LIST_ITEMS, MAX_UNITS, MIN_UNITS, NEAR_DUPLICATE_OVERLAP, RELATIVE_SCORE_FLOOR } from "./constants";
import type { CandidateScore } from "./score";

/** One chosen unit of the answer: a sentence, or items of one list (rows of one table). */
export interface QuotedUnit {
  source: number;
  block: number;
  kind: Candidate["kind"];
  /** Chosen candidates of this unit, in the source's order. */
  parts: Candidate[];
  /** The best score among its parts. */
  score: number;
}

/** Fewest content words for the overlap test to mean anything; shorter sentences are compared as text. */
const MIN_TERMS_FOR_OVERLAP = 3;

/** True when two units say the same thing: most of the smaller one's content words are in the other. */
export function isNearDuplicate(a: Candidate, b: Candidate): boolean {
  const setA = new Set(a.terms);
  const setB = new Set(b.terms);
  if (Math.min(setA.size, setB.size) < MIN_TERMS_FOR_OVERLAP) return a.text.toLowerCase() === b.text.toLowerCase();
  let shared = 0;
  for (const term of setA) if (setB.has(term)) shared++;
  return shared / Math.min(setA.size, setB.size) >= NEAR_DUPLICATE_OVERLAP;
}

interface Selection {
  candidates: Candidate[];
  scores: CandidateScore[];
  units: QuotedUnit[];
  chosen: Candidate[];
  length: number;
}

function add(selection: Selection, i: number): void {
  const candidate = selection.candidates[i]!;
  const group = candidate.kind === "sentence" ? undefined : selection.units.find((u) => u.source === candidate.source && u.block === candidate.block);
  if (group) group.parts.push(candidate);
  else selection.units.push({ source: candidate.source, block: candidate.block, kind: candidate.kind, parts: [candidate], score: selection.scores[i]!.score });
  selection.chosen.push(candidate);
  selection.length += candidate.text.length;
}

/**
 * Chooses two to four units by score: a sentence alone, or a list item (table row) that
 * brings its list along with the list's next best items. Only units containing the
 * question's words count while any does; near-duplicates are skipped; past the first,
 * a unit must score a share of the best and fit the target length. When too few units
 * answer, the best one's neighbour in its paragraph (or list) completes it.
 */
export function selectUnits({ candidates, scores, targetChars = EXTRACTIVE_TARGET_CHARS, maxUnits = MAX_UNITS }: {
  candidates: Candidate[];
  scores: CandidateScore[];
  targetChars?: number;
  maxUnits?: number;
}): QuotedUnit[] {
  const anyMatch = scores.some((s) => s.match > 0);
  const order = candidates.map((_, i) => i).filter((i) => !anyMatch || scores[i]!.match > 0).sort((a, b) => scores[b]!.score - scores[a]!.score || a - b);
  const best = scores[order[0]!]?.score ?? 0;
  const selection: Selection = { candidates, scores, units: [], chosen: [], length: 0 };
  for (const i of order) {
    const candidate = candidates[i]!;
    if (selection.units.length > 0 && scores[i]!.score < RELATIVE_SCORE_FLOOR * best) break;
    if (selection.chosen.some((other) => isNearDuplicate(candidate, other))) continue;
    const group = candidate.kind === "sentence" ? undefined : selection.units.find((u) => u.source === candidate.source && u.block === candidate.block);
    if (group ? group.parts.length >= MAX_LIST_ITEMS : selection.units.length >= maxUnits) continue;
    if (selection.units.length > 0 && selection.length + candidate.text.length > targetChars) continue;
    add(selection, i);
  }
  completeWithNeighbours(selection, order, targetChars);
  for (const unit of selection.units) unit.parts.sort((a, b) => a.index - b.index);
  return selection.units;
}

/** A list with one item gets its next answering item; an answer of one sentence gets the sentence after it (or before). */
function completeWithNeighbours(selection: Selection, order: number[], targetChars: number): void {
  const { candidates, units } = selection;
  const room = (i: number) => selection.length + candidates[i]!.text.length <= targetChars + LIST_FILL_SLACK;
  const free = (i: number) => !selection.chosen.some((c) => c === candidates[i] || isNearDuplicate(c, candidates[i]!));
  for (const unit of [...units]) {
    const first = unit.parts[0]!;
    const sameBlock = (i: number) => candidates[i]!.source === first.source && candidates[i]!.block === first.block;
    if (unit.kind !== "sentence") {
      const next = order.find((i) => unit.parts.length < 2 && sameBlock(i) && free(i) && room(i));
      if (next !== undefined) add(selection, next);
      continue;
    }
    if (units.length >= MIN_UNITS) continue;
    const after = candidates.findIndex((c, i) => sameBlock(i) && c.index >= first.index + first.span && free(i));
    const before = candidates.findLastIndex((c, i) => sameBlock(i) && c.index + c.span <= first.index && free(i));
    const neighbour = after >= 0 && room(after) ? after : before >= 0 && room(before) ? before : -1;
    if (neighbour >= 0) add(selection, neighbour);
  }
}
