import "server-only";
import Groq from "groq-sdk";
import type { AnswerProvider } from "../types";
import { ANSWER_CONNECT_TIMEOUT_MS, ANSWER_MAX_RETRIES, ANSWER_MAX_TOKENS, ANSWER_TEMPERATURE, MAX_RETRY_AFTER_SECONDS } from "./tuning";

/**
 * groq-sdk sleeps for whatever `retry-after` Groq sends before retrying; a visitor
 * should not wait 30 s for that, so a long wait is marked not-retryable and the next rung answers.
 */
async function fetchWithShortRetries(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const retryAfter = Number(response.headers.get("retry-after"));
  if (response.status === 429 && !(retryAfter <= MAX_RETRY_AFTER_SECONDS)) {
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  return response;
}

/** The Groq rung: streaming chat completions through groq-sdk, with retries and timeout set for a chat. */
export function createGroqProvider({ apiKey, baseURL, model }: { apiKey: string; baseURL?: string; model: string }): AnswerProvider {
  const client = new Groq({
    apiKey,
    baseURL,
    maxRetries: ANSWER_MAX_RETRIES,
    timeout: ANSWER_CONNECT_TIMEOUT_MS,
    fetch: fetchWithShortRetries,
  });
  return {
    name: "groq",
    async *stream({ messages, signal }) {
      const completion = await client.chat.completions.create(
        { model, messages, stream: true, temperature: ANSWER_TEMPERATURE, max_completion_tokens: ANSWER_MAX_TOKENS },
        { signal },
      );
      let finished = false;
      for await (const chunk of completion) {
        const choice = chunk.choices[0];
        if (choice?.delta?.content) yield choice.delta.content;
        if (choice?.finish_reason) finished = true;
      }
      // A proxy that drops the connection cleanly looks like a short answer; Groq always ends with a finish_reason.
      if (!finished) throw new Error("the Groq stream ended without a finish_reason");
    },
  };
}
