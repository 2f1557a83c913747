// Small statistics for the benchmarks' reports.

/** The p-th percentile (nearest rank) of `values`; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** p50, p95 and p99 of `values`, in their unit. */
export function latencySummary(values: number[]): { p50: number; p95: number; p99: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}

/** How many times each value occurs, keyed by its string form. */
export function countBy<T>(values: T[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}

/** Milliseconds as `12.3 ms`. */
export const formatMs = (ms: number) => `${ms.toFixed(1)} ms`;
