// Translation between OpenAI's /v1/embeddings and Ollama's /api/embed, so any
// OpenAI client can use the Pi.
import type { EmbedRequest } from "./request";

/** What Ollama's /api/embed answers (the fields the translation reads). */
export type OllamaEmbedResponse = { model?: string; embeddings: number[][]; total_duration?: number; load_duration?: number; prompt_eval_count?: number };

/** The /api/embed body the gateway sends: only the vetted fields, never the client's options or keep_alive. */
export function toOllamaBody(request: EmbedRequest): string {
  const body: Record<string, unknown> = { model: request.model, input: request.inputs };
  if (request.truncate !== undefined) body.truncate = request.truncate;
  return JSON.stringify(body);
}

/** OpenAI's answer from Ollama's: one data item per input, base64 as little-endian float32 on request. */
export function toOpenAIResponse(ollama: OllamaEmbedResponse, request: EmbedRequest) {
  const promptTokens = ollama.prompt_eval_count ?? 0;
  return {
    object: "list",
    data: ollama.embeddings.map((vector, index) => ({
      object: "embedding",
      index,
      embedding: request.encodingFormat === "base64" ? encodeFloat32Base64(vector) : vector,
    })),
    model: request.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

/** Checks the shape of Ollama's answer before translating it: one vector of numbers per input. */
export function isEmbedResponse(value: unknown, inputCount: number): value is OllamaEmbedResponse {
  const embeddings = (value as OllamaEmbedResponse | null)?.embeddings;
  if (!Array.isArray(embeddings) || embeddings.length !== inputCount) return false;
  // Plain loops: this runs on every answer, over every float.
  for (const vector of embeddings) {
    if (!Array.isArray(vector)) return false;
    for (let i = 0; i < vector.length; i++) if (typeof vector[i] !== "number") return false;
  }
  return true;
}

/** Packs floats as little-endian float32 and encodes them in base64 (OpenAI's `encoding_format: "base64"`). */
export function encodeFloat32Base64(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i], i * 4);
  return bytes.toString("base64");
}
