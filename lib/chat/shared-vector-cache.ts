import "server-only";
import { createHash } from "node:crypto";
import { decodeBase64Floats, encodeFloat32LE } from "../embed/wire";
import { isFiniteVector } from "../search/vectors";
import type { RedisConnection } from "./redis-connection";

/** How long a query vector stays shared: a week covers a post's traffic spike; a model change uses new keys anyway. */
export const SHARED_VECTOR_TTL_SECONDS = 7 * 24 * 3600;

/** The longest a lookup may wait on Redis: it must stay far below the Pi's ~310 ms it saves. */
export const SHARED_VECTOR_LOOKUP_TIMEOUT_MS = 50;

/** A cache of query vectors shared by every instance of the chat route. */
export interface SharedVectorCache {
  get(model: string, text: string): Promise<Float32Array | undefined>;
  set(model: string, text: string, vector: Float32Array): Promise<void>;
}

/** The Redis key of a query: model and exact text, hashed so any question fits a key. */
export function sharedVectorKey(model: string, text: string): string {
  return `qvec:${createHash("sha256").update(model).update("\u0000").update(text).digest("hex")}`;
}

/** Marks values this code wrote: `f32:<dimensions>:<base64 little-endian float32>`. */
const VALUE_PATTERN = /^f32:(\d+):([A-Za-z0-9+/]+=*)$/;

/** Decodes a stored value, or undefined for anything this code did not write. */
function decodeVector(value: unknown): Float32Array | undefined {
  const match = typeof value === "string" ? VALUE_PATTERN.exec(value) : null;
  if (!match) return undefined;
  const dimensions = Number(match[1]);
  if (dimensions === 0 || Buffer.byteLength(match[2]!, "base64") !== dimensions * 4) return undefined;
  const vector = decodeBase64Floats(match[2]!);
  return isFiniteVector(vector) ? vector : undefined;
}

/**
 * Query vectors in Redis as tagged little-endian float32. Every failure (Redis down,
 * slow, a foreign value) reads as a miss: the cache can only ever save time.
 */
export function createRedisVectorCache({ client, ttlSeconds = SHARED_VECTOR_TTL_SECONDS, timeoutMs = SHARED_VECTOR_LOOKUP_TIMEOUT_MS }: {
  client: RedisConnection;
  ttlSeconds?: number;
  timeoutMs?: number;
}): SharedVectorCache {
  return {
    async get(model, text) {
      if (!client.isReady) return undefined;
      try {
        let timer: Parameters<typeof clearTimeout>[0];
        const timeout = new Promise<undefined>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        });
        try {
          return decodeVector(await Promise.race([client.get(sharedVectorKey(model, text)), timeout]));
        } finally {
          clearTimeout(timer);
        }
      } catch {
        return undefined;
      }
    },
    async set(model, text, vector) {
      if (!client.isReady) return;
      const bytes = Buffer.from(encodeFloat32LE(vector));
      const value = `f32:${vector.length}:${bytes.toString("base64")}`;
      await client.set(sharedVectorKey(model, text), value, { EX: ttlSeconds }).catch(() => {});
    },
  };
}
