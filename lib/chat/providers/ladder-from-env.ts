import "server-only";
import type { Env } from "../../env";
import type { AnswerProvider } from "../types";
import { createExtractiveProvider } from "./extractive";
import { createGroqProvider } from "./groq";
import { createOpenAiCompatibleProvider } from "./openai-compatible";

/** The answer ladder from the environment: Groq and the local model in `LLM_ORDER`, each only if configured, then the extractive answer. */
export function answerProvidersFromEnv(env: Pick<Env, "GROQ_API_KEY" | "GROQ_BASE_URL" | "GROQ_MODEL" | "LLM_BASE_URL" | "LLM_MODEL" | "LLM_API_KEY" | "LLM_ORDER">): AnswerProvider[] {
  const byName: Record<"groq" | "local", AnswerProvider | undefined> = {
    groq: env.GROQ_API_KEY ? createGroqProvider({ apiKey: env.GROQ_API_KEY, baseURL: env.GROQ_BASE_URL, model: env.GROQ_MODEL }) : undefined,
    local: env.LLM_BASE_URL ? createOpenAiCompatibleProvider({ baseURL: env.LLM_BASE_URL, model: env.LLM_MODEL, apiKey: env.LLM_API_KEY }) : undefined,
  };
  const ordered = env.LLM_ORDER.split(",").map((name) => byName[name as "groq" | "local"]);
  return [...ordered.filter((p): p is AnswerProvider => p !== undefined), createExtractiveProvider()];
}
