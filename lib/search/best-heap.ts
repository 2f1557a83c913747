/**
 * The `capacity` best-scoring items offered, in no particular order: a min-heap with the
 * worst kept item at the root, so a worse offer is refused with one comparison and a
 * better one costs O(log capacity). Used to pick the dense search's re-score candidates
 * from every row without sorting them.
 */
export class BestHeap {
  readonly items: Int32Array;
  readonly scores: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.items = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** Keeps `item` if it scores above the worst kept one (or there is room). */
  offer(item: number, score: number): void {
    const { items, scores, capacity } = this;
    if (this.size < capacity) {
      let at = this.size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (scores[parent]! <= score) break;
        items[at] = items[parent]!;
        scores[at] = scores[parent]!;
        at = parent;
      }
      items[at] = item;
      scores[at] = score;
      return;
    }
    if (capacity === 0 || score <= scores[0]!) return;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= capacity) break;
      if (child + 1 < capacity && scores[child + 1]! < scores[child]!) child++;
      if (scores[child]! >= score) break;
      items[at] = items[child]!;
      scores[at] = scores[child]!;
      at = child;
    }
    items[at] = item;
    scores[at] = score;
  }
}
