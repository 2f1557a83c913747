import { describe, expect, it } from "vitest";
import { suggestedQuestions } from "@/lib/site";
import { FRESH_QUESTIONS } from "@/test/drills/chat-drill";
import { DEFAULT_QUERY_EMBEDS_PER_MIN } from "./budget-limits";
import { ANSWER_BUDGET_LABEL, createChatBudgets } from "./budgets";
import { createClientIdentifier } from "./client-identity";
import { createChatRateLimiter } from "./rate-limit";
import { createSiteBudget } from "./site-budget";
import { askWithAiSdk, useChatFakes, userMessage } from "./testing/chat-fixture";

const fakes = useChatFakes();
const embedCalls = () => fakes.ollama.requests.filter((r) => r.path === "/api/embed").length;
const budget = (limit: number, name = "test") => createSiteBudget({ name, limit, windowSeconds: 60, whenSpent: "see the test", log: (m) => void fakes.logs.push(m) });

describe("the query-embedding budget", () => {
  it("attack: distinct questions can no longer drain the Pi's bucket: past the budget a question is lexical at once, with no embed call and no breaker trip", async () => {
    const handler = fakes.handlerWith({ queryEmbedBudget: budget(3, "query-embedding") });
    const answers = [];
    for (const question of FRESH_QUESTIONS.slice(0, 5)) answers.push(await askWithAiSdk(handler, [userMessage(question)]));
    expect(embedCalls()).toBe(3);
    expect(answers.map((a) => a.message.metadata?.retrieval)).toEqual(["hybrid", "hybrid", "hybrid", "lexical", "lexical"]);
    expect(answers.map((a) => a.message.metadata?.budgets?.queryEmbeds)).toEqual([
      { limit: 3, remaining: 2, exhausted: false },
      { limit: 3, remaining: 1, exhausted: false },
      { limit: 3, remaining: 0, exhausted: false },
      { limit: 3, remaining: 0, exhausted: true },
      { limit: 3, remaining: 0, exhausted: true },
    ]);
    expect(answers.every((a) => a.response.status === 200 && a.errors.length === 0 && a.text.length > 0)).toBe(true);
    expect(fakes.logs.filter((l) => /budget spent/.test(l))).toHaveLength(1);
    expect(fakes.logs.some((l) => /breaker|failed/.test(l))).toBe(false);
  });

  it("past the budget still uses a cached or a baked vector: only fresh questions go lexical", async () => {
    const handler = fakes.handlerWith({ queryEmbedBudget: budget(1) });
    await askWithAiSdk(handler, [userMessage(FRESH_QUESTIONS[0]!)]);
    const again = await askWithAiSdk(handler, [userMessage(FRESH_QUESTIONS[0]!)]);
    const suggested = await askWithAiSdk(handler, [userMessage(suggestedQuestions[0]!)]);
    const fresh = await askWithAiSdk(handler, [userMessage(FRESH_QUESTIONS[1]!)]);
    expect([again, suggested, fresh].map((a) => a.message.metadata?.retrieval)).toEqual(["hybrid", "hybrid", "lexical"]);
    expect(again.message.metadata?.budgets).toBeUndefined(); // a cached vector draws nothing
    expect(embedCalls()).toBe(1);
  });

  it("with the defaults and one trusted proxy, 100 distinct questions from 100 addresses all get answers and stay within the gateway's bucket (30 + 6)", async () => {
    const budgets = createChatBudgets({ queryEmbedsPerMinute: DEFAULT_QUERY_EMBEDS_PER_MIN, answersPerDay: 500, log: () => {} });
    const handler = fakes.handlerWith({
      rateLimiter: createChatRateLimiter({ pointsPerMinute: 20 }),
      identifyClient: createClientIdentifier({ kind: "proxies", count: 1 }, () => {}),
      queryEmbedBudget: budgets.queryEmbeds,
      answerBudget: budgets.answers,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const { response, text } = await askWithAiSdk(handler, [userMessage(`Question number ${i}: what have you written about ${FRESH_QUESTIONS[i % FRESH_QUESTIONS.length]}`)], { headers: { "x-forwarded-for": `203.0.113.${i}` } });
      statuses.push(text.length > 0 ? response.status : -1);
    }
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(embedCalls()).toBeLessThanOrEqual(DEFAULT_QUERY_EMBEDS_PER_MIN * 2); // at most two fixed windows in one minute
    expect(embedCalls()).toBeLessThanOrEqual(30 + 6);
  }, 60_000);
});

describe("the daily answer budget", () => {
  it("attack: no more open-ended LLM spend: past the budget the ladder goes straight to the labelled extractive answer, in metadata and the log, never an error", async () => {
    const handler = fakes.handlerWith({ answerBudget: budget(2, "daily answer") });
    const answers = [];
    for (const question of FRESH_QUESTIONS.slice(0, 3)) answers.push(await askWithAiSdk(handler, [userMessage(question)]));
    expect(fakes.llm.requests).toHaveLength(2);
    expect(answers.map((a) => a.message.metadata?.answer)).toEqual(["groq", "groq", "extractive"]);
    expect(answers[2]!.message.metadata?.budgets?.answers).toEqual({ limit: 2, remaining: 0, exhausted: true });
    expect(answers[2]!.text).toContain(ANSWER_BUDGET_LABEL);
    expect(answers[2]!.errors).toEqual([]);
    expect(answers[2]!.response.status).toBe(200);
    expect(fakes.logs.filter((l) => /daily answer budget spent/.test(l))).toHaveLength(1);
  });

  it("a question the writing does not cover draws nothing and still gets its reply after the budget is spent", async () => {
    const answers = budget(1, "daily answer");
    // Keywords alone decide here (no query vector), as with the Pi off.
    const handler = fakes.handlerWith({ answerBudget: answers, embedUrl: undefined });
    await askWithAiSdk(handler, [userMessage(FRESH_QUESTIONS[0]!)]);
    const refusals = [];
    for (let i = 0; i < 2; i++) refusals.push(await askWithAiSdk(handler, [userMessage("What is the capital of France?")]));
    for (const refusal of refusals) {
      expect(refusal.message.metadata?.answer).toBe("not-covered");
      expect(refusal.errors).toEqual([]);
      expect(refusal.text).toContain("doesn't cover that");
      expect(refusal.message.metadata?.budgets?.answers).toBeUndefined();
    }
    expect(fakes.llm.requests).toHaveLength(1);
  });

  it("draws nothing when no model rung is configured (a fresh clone answers with quotes anyway)", async () => {
    const answers = budget(1);
    const handler = fakes.handlerWith({ groqUrl: undefined, llmUrl: undefined, answerBudget: answers });
    const { message } = await askWithAiSdk(handler, [userMessage(FRESH_QUESTIONS[0]!)]);
    expect(message.metadata?.answer).toBe("extractive");
    expect(message.metadata?.budgets?.answers).toBeUndefined();
    expect((await answers.take()).exhausted).toBe(false);
  });
});

describe("Server-Timing", () => {
  it("attack: a visitor can no longer tell from Server-Timing whether someone else asked the same question: no header unless asked for", async () => {
    const quiet = await askWithAiSdk(fakes.handlerWith(), [userMessage(FRESH_QUESTIONS[0]!)]);
    expect(quiet.response.headers.get("server-timing")).toBeNull();
    const bench = await askWithAiSdk(fakes.handlerWith({ serverTiming: true }), [userMessage(FRESH_QUESTIONS[0]!)]);
    expect(bench.response.headers.get("server-timing")).toMatch(/retrieval;dur=[\d.]+, embed;dur=[\d.]+/);
  });
});
