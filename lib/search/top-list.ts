/**
 * A best-first list of at most `capacity` (chunk, score) pairs, ties broken by chunk
 * position (lower first); a worse offer is refused with one comparison. The one top-k
 * list of the BM25 and the dense search.
 */
export class TopList {
  readonly chunks: Int32Array;
  readonly scores: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.chunks = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** Keeps `chunk` in its place if it makes the list. */
  offer(chunk: number, score: number): void {
    const { capacity, scores, chunks } = this;
    if (capacity === 0 || (this.size === capacity && (score < scores[capacity - 1]! || (score === scores[capacity - 1]! && chunk > chunks[capacity - 1]!)))) return;
    let at = this.size < capacity ? this.size++ : capacity - 1;
    while (at > 0 && (scores[at - 1]! < score || (scores[at - 1]! === score && chunks[at - 1]! > chunk))) {
      scores[at] = scores[at - 1]!;
      chunks[at] = chunks[at - 1]!;
      at--;
    }
    scores[at] = score;
    chunks[at] = chunk;
  }

  /** The kept pairs, best first. */
  entries(): Array<[number, number]> {
    return Array.from({ length: this.size }, (_, i) => [this.chunks[i]!, this.scores[i]!]);
  }
}
