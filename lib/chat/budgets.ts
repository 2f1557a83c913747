import { startAnswer, type StartedAnswer } from "./answer-ladder";
import { QUERY_EMBED_BUDGET_WINDOW_SECONDS } from "./budget-limits";
import type { RedisConnection } from "./redis-connection";
import { createSiteBudget, utcDay, type SiteBudget } from "./site-budget";
import { MODEL_ANSWER_PATHS, type AnswerInput, type AnswerProvider, type BudgetState } from "./types";

/** A day, the expiry of a daily count (its key is the UTC date, so it starts afresh at midnight). */
const DAY_SECONDS = 86_400;

/** The label an extractive answer opens with when the day's answer budget, not a missing model, is the reason. */
export const ANSWER_BUDGET_LABEL = "Quick answer quoted from my writing: today's allowance of AI answers is used up.";

/** Both site-wide budgets of the chat route. */
export interface ChatBudgets {
  queryEmbeds: SiteBudget;
  answers: SiteBudget;
}

/** Builds both budgets, shared through `redis` when given (every instance draws on one count). */
export function createChatBudgets({ queryEmbedsPerMinute, answersPerDay, redis, log }: {
  queryEmbedsPerMinute: number;
  answersPerDay: number;
  redis?: RedisConnection;
  log?: (message: string) => void;
}): ChatBudgets {
  return {
    queryEmbeds: createSiteBudget({
      name: "query-embedding",
      limit: queryEmbedsPerMinute,
      windowSeconds: QUERY_EMBED_BUDGET_WINDOW_SECONDS,
      redis,
      whenSpent: "questions use a cached or baked vector, else keyword search, until the minute is over",
      log,
    }),
    answers: createSiteBudget({
      name: "daily answer",
      limit: answersPerDay,
      windowSeconds: DAY_SECONDS,
      windowKey: utcDay,
      redis,
      whenSpent: "answers are quoted passages (the extractive rung) until midnight UTC",
      log,
    }),
  };
}

/**
 * The ladder this answer may use: unchanged while the day's answer budget lasts (one unit
 * drawn per answer that could reach a model), only the rungs that call no model once it
 * is spent. A ladder without a model rung (extractive only, or a "not covered" reply) draws nothing.
 */
export async function providersWithinBudget({ providers, budget }: { providers: AnswerProvider[]; budget?: SiteBudget }): Promise<{
  providers: AnswerProvider[];
  state?: BudgetState;
  extractiveLabel?: string;
}> {
  const callsModel = (p: AnswerProvider) => MODEL_ANSWER_PATHS.has(p.name);
  if (!budget || !providers.some(callsModel)) return { providers };
  const state = await budget.take();
  if (!state.exhausted) return { providers, state };
  return { providers: providers.filter((p) => !callsModel(p)), state, extractiveLabel: ANSWER_BUDGET_LABEL };
}

/** `startAnswer` over the ladder the day's answer budget allows; the started answer carries the budget's state. */
export async function startAnswerWithinBudget({ providers, budget, input, log }: {
  providers: AnswerProvider[];
  budget?: SiteBudget;
  input: AnswerInput;
  log?: (message: string) => void;
}): Promise<StartedAnswer> {
  const allowed = await providersWithinBudget({ providers, budget });
  const started = await startAnswer({ providers: allowed.providers, input: { ...input, extractiveLabel: allowed.extractiveLabel }, log });
  return allowed.state ? { ...started, budget: allowed.state } : started;
}
