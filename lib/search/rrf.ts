import { RRF_K } from "./constants";

/** One named ranked list of chunk positions, best first, and its weight in the fusion (default 1). */
export interface RankedList {
  name: string;
  items: number[];
  weight?: number;
}

/** A fused item: its RRF score and its 1-based rank in each input list (absent lists omitted). */
export interface FusedItem {
  item: number;
  score: number;
  ranks: Record<string, number>;
}

/**
 * Reciprocal Rank Fusion: each list adds weight / (RRF_K + rank) for every item it holds,
 * so ranks are fused, never raw scores of different scales. Ties keep the order of
 * first appearance, so the result is deterministic.
 */
export function fuseRanks(lists: RankedList[]): FusedItem[] {
  const fused = new Map<number, FusedItem>();
  for (const list of lists) {
    list.items.forEach((item, index) => {
      const entry = fused.get(item) ?? { item, score: 0, ranks: {} };
      entry.score += (list.weight ?? 1) / (RRF_K + index + 1);
      entry.ranks[list.name] = index + 1;
      fused.set(item, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
