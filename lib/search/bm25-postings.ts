import type { Bm25 } from "./bm25";
import { TopList } from "./top-list";

/** One token's postings: the chunks holding it and its consolidated BM25 contribution in each. */
interface Posting {
  chunks: Int32Array;
  weights: Float64Array;
}

/** The engine's consolidated scores as typed postings, so a query adds numbers instead of building objects. */
export interface Bm25Postings {
  /** Token (after the prep tasks) to its postings. */
  byToken: Map<string, Posting>;
  /** Highest chunk position + 1. */
  size: number;
}

const cache = new WeakMap<Bm25, Bm25Postings>();

/**
 * The engine's postings, built once per engine from its consolidated documents
 * (wink's own BM25 weights, field weights and prep tasks; only the lookup is ours).
 * Padding documents (ids that are not chunk positions) are left out.
 */
export function postingsOf(engine: Bm25): Bm25Postings {
  const cached = cache.get(engine);
  if (cached) return cached;
  const tokenOf = new Map(Object.entries(engine.getTokens()).map(([token, index]) => [String(index), token]));
  const lists = new Map<string, { chunks: number[]; weights: number[] }>();
  let size = 0;
  for (const [id, { freq }] of Object.entries(engine.getDocs())) {
    const chunk = Number(id);
    if (!Number.isInteger(chunk)) continue;
    size = Math.max(size, chunk + 1);
    for (const [tokenIndex, weight] of Object.entries(freq)) {
      const token = tokenOf.get(tokenIndex)!;
      const list = lists.get(token) ?? { chunks: [], weights: [] };
      list.chunks.push(chunk);
      list.weights.push(Number(weight));
      lists.set(token, list);
    }
  }
  const byToken = new Map([...lists].map(([token, list]) => [token, { chunks: Int32Array.from(list.chunks), weights: Float64Array.from(list.weights) }]));
  const postings = { byToken, size };
  cache.set(engine, postings);
  return postings;
}

/**
 * The `limit` best chunks for prepared query tokens, as wink's `search` scores them (the
 * sum of each token's contribution, a repeated token counting again), best first, ties
 * by chunk position; only a sorted top list is kept, never a sort of every match.
 */
export function topByBm25({ postings, tokens, limit }: { postings: Bm25Postings; tokens: string[]; limit: number }): Array<[number, number]> {
  const scores = new Float64Array(postings.size);
  const touched: number[] = [];
  // A repeated token (a weighted query repeats words) walks its list once, times its count.
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  for (const [token, count] of counts) {
    const posting = postings.byToken.get(token);
    if (!posting) continue;
    for (let i = 0; i < posting.chunks.length; i++) {
      const chunk = posting.chunks[i]!;
      if (scores[chunk] === 0) touched.push(chunk);
      scores[chunk] += count * posting.weights[i]!;
    }
  }
  const top = new TopList(limit);
  for (const chunk of touched) top.offer(chunk, scores[chunk]!);
  return top.entries();
}
