import "server-only";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";
import type { AnswerProvider } from "../types";
import { ANSWER_CONNECT_TIMEOUT_MS, ANSWER_IDLE_TIMEOUT_MS, ANSWER_MAX_RETRIES, ANSWER_MAX_TOKENS, ANSWER_TEMPERATURE } from "./tuning";

/** The local rung: any OpenAI-compatible server (Ollama's `/v1`, a GPU box) through the AI SDK's `streamText`. */
export function createOpenAiCompatibleProvider({ baseURL, model, apiKey }: { baseURL: string; model: string; apiKey?: string }): AnswerProvider {
  const chatModel = createOpenAICompatible({ name: "local", baseURL, apiKey }).chatModel(model);
  return {
    name: "local",
    async *stream({ messages, signal }) {
      const [system, ...conversation] = messages;
      const result = streamText({
        model: chatModel,
        instructions: system?.content,
        messages: conversation.map((m) => ({ role: m.role === "assistant" ? "assistant" : "user", content: m.content })),
        temperature: ANSWER_TEMPERATURE,
        maxOutputTokens: ANSWER_MAX_TOKENS,
        maxRetries: ANSWER_MAX_RETRIES,
        timeout: { firstChunkMs: ANSWER_CONNECT_TIMEOUT_MS, chunkMs: ANSWER_IDLE_TIMEOUT_MS },
        abortSignal: signal,
        // The error arrives as an `error` part below and the ladder logs it once; without
        // this the SDK would also print the whole error object to stderr.
        onError: () => {},
      });
      for await (const part of result.stream) {
        if (part.type === "text-delta" && part.text) yield part.text;
        else if (part.type === "error") throw part.error instanceof Error ? part.error : new Error(String(part.error));
        else if (part.type === "abort") throw new Error(`answer aborted${part.reason ? `: ${part.reason}` : ""}`);
      }
    },
  };
}
