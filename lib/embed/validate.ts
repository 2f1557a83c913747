import { isFiniteVector } from "../search/vectors";

/** True when two model names are the same model (`bge-m3` and `bge-m3:latest` are). */
export function sameModel(a: string, b: string): boolean {
  const tag = (name: string) => (name.includes(":") ? name : `${name}:latest`);
  return tag(a) === tag(b);
}

/** Why a batch of vectors is unusable (wrong count, size or a non-finite value), or undefined when it is fine. */
export function checkVectors({ vectors, count, dimensions }: { vectors: Float32Array[]; count: number; dimensions?: number }): string | undefined {
  if (vectors.length !== count) return `expected ${count} vectors, got ${vectors.length}`;
  const expected = dimensions ?? vectors[0]?.length ?? 0;
  if (expected === 0) return "vectors are empty";
  for (const [i, vector] of vectors.entries()) {
    if (vector.length !== expected) return `vector ${i} has ${vector.length} dimensions, expected ${expected}`;
    if (!isFiniteVector(vector)) return `vector ${i} holds a non-finite value`;
  }
  return undefined;
}
