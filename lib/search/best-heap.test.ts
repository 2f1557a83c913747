import { describe, expect, it } from "vitest";
import { BestHeap } from "./best-heap";

describe("BestHeap", () => {
  it("keeps exactly the best `capacity` of many offers, whatever their order", () => {
    let seed = 3;
    const scores = Array.from({ length: 5_000 }, () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (const capacity of [1, 7, 400]) {
      const heap = new BestHeap(capacity);
      scores.forEach((score, item) => heap.offer(item, score));
      const kept = Array.from(heap.items.subarray(0, heap.size)).sort((a, b) => a - b);
      const best = scores.map((score, item) => ({ score, item })).sort((a, b) => b.score - a.score).slice(0, capacity).map((e) => e.item).sort((a, b) => a - b);
      expect(kept).toEqual(best);
      expect(Array.from(heap.items.subarray(0, heap.size), (item, i) => heap.scores[i] === scores[item])).not.toContain(false);
    }
  });

  it("keeps everything when offered fewer than its capacity, and nothing at capacity 0", () => {
    const heap = new BestHeap(10);
    [0.5, -1, 0.5, 3].forEach((score, item) => heap.offer(item, score));
    expect(Array.from(heap.items.subarray(0, heap.size)).sort()).toEqual([0, 1, 2, 3]);
    const none = new BestHeap(0);
    none.offer(1, 1);
    expect(none.size).toBe(0);
  });
});
