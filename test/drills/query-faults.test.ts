// Query-time fault drills: the real chat handler over a real baked index, each drill
// putting one service (the Pi, Groq, every model, Redis) into one fault, and checking
// what the visitor reads (the whole stream, guarded against a hang) and what the
// services were asked.
import { createClient } from "redis";
import { describe, expect, it } from "vitest";
import { EXTRACTIVE_LABEL } from "@/lib/chat/providers/extractive";
import { ANSWER_MAX_RETRIES } from "@/lib/chat/providers/tuning";
import { QUERY_EMBED_TIMEOUT_MS } from "@/lib/chat/query-embedder";
import { createChatRateLimiter } from "@/lib/chat/rate-limit";
import { useChatFakes } from "@/lib/chat/testing/chat-fixture";
import { startFakeLlm } from "@/test/fake-llm";
import { ANSWER_INTERRUPTED_MESSAGE } from "@/lib/chat/ui-stream";
import { startTestRedis } from "@/test/redis-server";
import { embedPosts } from "./build-drill";
import { answeredInFull, ask, FRESH_QUESTIONS, postFrom, sourceUrls } from "./chat-drill";

/** A Pi that unloaded bge-m3 takes 3-5 s to answer: well past the query deadline. */
const PI_COLD_QUERY_MS = 3 * QUERY_EMBED_TIMEOUT_MS;

/** Warm-up requests allowed while the limiter's Redis client connects (each ~10 ms; connecting takes a few). */
const REDIS_WARMUP_REQUESTS = 50;

/** Breaker threshold (lib/chat/circuit-breaker.ts): two failures in a row open it. */
const FAILURES_TO_OPEN = 2;

const fakes = useChatFakes();
const handlerWith = fakes.handlerWith;
const groqCalls = () => fakes.llm.requests.filter((r) => r.path === "/openai/v1/chat/completions").length;
const localCalls = () => fakes.llm.requests.filter((r) => r.path === "/v1/chat/completions").length;

async function askEach(handler: ReturnType<typeof handlerWith>, questions: string[]) {
  const answers = [];
  for (const question of questions) answers.push(await ask(handler, question));
  return answers;
}

describe("query-time faults of the embedding endpoint", () => {
  it("Pi off at query time: every answer still streams in full with mode lexical, and after two failures the breaker stops trying the Pi", async () => {
    await fakes.ollama.goDown();
    const answers = await askEach(handlerWith(), FRESH_QUESTIONS.slice(0, 3)).finally(() => fakes.ollama.comeUp());
    for (const answer of answers) {
      expect(answer.message.metadata).toEqual({ retrieval: "lexical", answer: "groq" });
      expect(answeredInFull(answer.chunks)).toBe(true);
      expect(sourceUrls(answer.chunks).length).toBeGreaterThan(0);
    }
    expect(fakes.logs.filter((l) => /primary query embedding failed/.test(l))).toHaveLength(FAILURES_TO_OPEN);
  });

  it(`Pi slow at query time (${PI_COLD_QUERY_MS} ms, past the ${QUERY_EMBED_TIMEOUT_MS} ms deadline): the answer streams with mode lexical, and once the breaker opens the next request does not reach the Pi at all`, async () => {
    fakes.ollama.setDelay(PI_COLD_QUERY_MS);
    const answers = await askEach(handlerWith(), FRESH_QUESTIONS.slice(0, 3));
    expect(answers.map((a) => a.message.metadata?.retrieval)).toEqual(["lexical", "lexical", "lexical"]);
    expect(answers.every((a) => answeredInFull(a.chunks))).toBe(true);
    expect(embedPosts(fakes.ollama)).toBe(FAILURES_TO_OPEN);
  });

  it("Pi flaky at query time (every other request 503): each failed query falls back to lexical without a retry, and isolated failures never open the breaker", async () => {
    fakes.ollama.failEvery(2, 503);
    const answers = await askEach(handlerWith(), FRESH_QUESTIONS.slice(0, 4));
    expect(answers.map((a) => a.message.metadata?.retrieval)).toEqual(["hybrid", "lexical", "hybrid", "lexical"]);
    expect(answers.every((a) => answeredInFull(a.chunks))).toBe(true);
    expect(embedPosts(fakes.ollama)).toBe(4);
    expect(fakes.logs.join("\n")).not.toMatch(/breaker open/);
  });
});

describe("query-time faults of the answer models", () => {
  it.each([
    { status: 429, groqTries: 1, why: "a 30 s retry-after is not waited out" },
    { status: 500, groqTries: 1 + ANSWER_MAX_RETRIES, why: "one quick retry, then hand over" },
  ])("Groq $status before the first token: the next rung answers in full ($why)", async ({ status, groqTries }) => {
    fakes.llm.failNext(status, groqTries, 30);
    const answer = await ask(handlerWith(), "Where did you study?");
    expect(answer.message.metadata).toEqual({ retrieval: "hybrid", answer: "local" });
    expect(answeredInFull(answer.chunks)).toBe(true);
    expect(answer.text).toMatch(/^Based on \[1\]/);
    expect([groqCalls(), localCalls()]).toEqual([groqTries, 1]);
  });

  it("Groq cut mid-answer: the visitor keeps the text so far and every source, gets an error part, and the stream ends (never hangs)", async () => {
    const whole = await ask(handlerWith(), "Where did you study?");
    fakes.llm.reset();
    fakes.llm.cutNext();
    const cut = await ask(handlerWith(), "Where did you study?");
    expect(cut.chunks.at(-1)).toEqual({ type: "error", errorText: ANSWER_INTERRUPTED_MESSAGE });
    expect(cut.errors).toEqual([ANSWER_INTERRUPTED_MESSAGE]);
    expect(cut.text.length).toBeGreaterThan(0);
    expect(whole.text.startsWith(cut.text)).toBe(true);
    expect(sourceUrls(cut.chunks)).toEqual(sourceUrls(whole.chunks));
    expect(fakes.llm.requests).toHaveLength(1);
  });

  it("every LLM down (Groq and the local model refuse connections): an extractive answer quoting the sources, labelled in metadata and text", async () => {
    const dead = await startFakeLlm();
    await dead.close();
    const answer = await ask(handlerWith({ groqUrl: dead.url, llmUrl: dead.url }), "Where did you study?");
    expect(answer.message.metadata).toEqual({ retrieval: "hybrid", answer: "extractive" });
    expect(answer.text).toContain(EXTRACTIVE_LABEL);
    expect(answer.text).toMatch(/\[1\]/);
    expect(answeredInFull(answer.chunks)).toBe(true);
    expect(fakes.logs.filter((l) => /failed before its first token/.test(l))).toHaveLength(2);
  });
});

describe("query-time fault of Redis", () => {
  it("Redis down mid-traffic (the real redis-server stopped between requests): answers keep coming with 200, limits still apply per instance, and a log line says so", async () => {
    const redis = await startTestRedis();
    const limiterLogs: string[] = [];
    const prefix = `drill${Date.now()}`;
    const rateLimiter = createChatRateLimiter({ pointsPerMinute: 3, redisUrl: redis.url, keyPrefix: prefix, log: (m) => void limiterLogs.push(m) });
    const handler = handlerWith({ rateLimiter });
    const observer = createClient({ url: redis.url });
    await observer.connect();
    const inRedis = async (ip: string) => (await observer.exists(`${prefix}:${ip}`)) === 1;
    try {
      // Until the limiter's client is connected, the in-memory insurance counts; wait until Redis does.
      for (let i = 1; i <= REDIS_WARMUP_REQUESTS && !(await inRedis(`192.0.2.${i - 1}`)); i++) await postFrom(handler, `192.0.2.${i}`);
      const before = await Promise.all(["198.51.100.1", "198.51.100.2", "198.51.100.3"].map((ip) => postFrom(handler, ip)));
      expect(await Promise.all(["198.51.100.1", "198.51.100.2", "198.51.100.3"].map(inRedis))).toEqual([true, true, true]);
      await observer.close();
      await redis.stop();
      const after = [];
      for (let i = 0; i < 4; i++) after.push(await postFrom(handler, "203.0.113.50"));
      const other = await postFrom(handler, "203.0.113.51");

      expect([...before, ...after, other].map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 429, 200]);
      for (const r of [...before, ...after.slice(0, 3), other]) expect(r.body).toContain('"type":"finish"');
      expect(limiterLogs.join("\n")).toMatch(/Redis unreachable .*rate limits are per instance/);
    } finally {
      await rateLimiter.close();
      if (observer.isOpen) await observer.close();
      await redis.stop();
    }
  });
});
