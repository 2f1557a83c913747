import { describe, expect, it } from "vitest";
import { TopList } from "./top-list";

describe("TopList", () => {
  it("keeps the best k of many offers, best first, whatever their order", () => {
    const offers = Array.from({ length: 500 }, (_, chunk) => [chunk, Math.sin(chunk * 7.3)] as const);
    const expected = [...offers].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10);
    const top = new TopList(10);
    for (const [chunk, score] of [...offers].reverse()) top.offer(chunk, score);
    expect(top.entries()).toEqual(expected.map(([chunk, score]) => [chunk, score]));
  });

  it("breaks ties by chunk position, also when the lower position comes last", () => {
    const top = new TopList(2);
    for (const chunk of [9, 7, 5, 3]) top.offer(chunk, 1);
    expect(top.entries()).toEqual([[3, 1], [5, 1]]);
  });

  it("holds fewer than k when fewer are offered, and nothing at capacity 0", () => {
    const top = new TopList(5);
    top.offer(1, 0.5);
    expect(top.entries()).toEqual([[1, 0.5]]);
    const none = new TopList(0);
    none.offer(1, 1);
    expect(none.entries()).toEqual([]);
  });
});
