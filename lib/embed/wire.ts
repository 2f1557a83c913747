import type { EmbedEndpoint } from "./types";

/** The URL and body of one embedding request in the endpoint's wire format (Ollama or OpenAI, base64 floats for OpenAI). */
export function buildEmbedRequest(endpoint: EmbedEndpoint, texts: string[]): { url: string; body: string; headers: Record<string, string> } {
  const base = endpoint.url.replace(/\/+$/, "");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (endpoint.secret) headers.authorization = `Bearer ${endpoint.secret}`;
  if (endpoint.api === "openai") {
    const url = /\/v1$/.test(base) ? `${base}/embeddings` : `${base}/v1/embeddings`;
    return { url, headers, body: JSON.stringify({ model: endpoint.model, input: texts, encoding_format: "base64" }) };
  }
  return { url: `${base}/api/embed`, headers, body: JSON.stringify({ model: endpoint.model, input: texts }) };
}

/** Decodes little-endian float32 bytes (the wire's base64, the cache's entries, the index's vectors file). */
export function decodeFloat32LE(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Encodes floats as little-endian float32 bytes, the inverse of {@link decodeFloat32LE}. */
export function encodeFloat32LE(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return bytes;
}

/** Decodes a base64 string of little-endian float32s. */
export function decodeBase64Floats(text: string): Float32Array {
  return decodeFloat32LE(Buffer.from(text, "base64"));
}

function toVector(value: unknown): Float32Array {
  if (typeof value === "string") return decodeBase64Floats(value);
  // JSON turns NaN into null; Number(null) would hide that, so null stays NaN.
  if (Array.isArray(value)) return Float32Array.from(value, (x) => (typeof x === "number" ? x : Number.NaN));
  throw new Error(`expected an array of numbers or a base64 string, got ${typeof value}`);
}

/** The vectors and the answering model from a response body; throws with a reason when the shape is wrong. */
export function parseEmbedResponse(api: EmbedEndpoint["api"], body: unknown): { model?: string; vectors: Float32Array[] } {
  const record = (body ?? {}) as Record<string, unknown>;
  const model = typeof record.model === "string" ? record.model : undefined;
  if (api === "openai") {
    if (!Array.isArray(record.data)) throw new Error("response has no `data` array");
    const data = [...(record.data as Array<{ index?: number; embedding?: unknown }>)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return { model, vectors: data.map((item) => toVector(item.embedding)) };
  }
  if (!Array.isArray(record.embeddings)) throw new Error("response has no `embeddings` array");
  return { model, vectors: (record.embeddings as unknown[]).map(toVector) };
}
