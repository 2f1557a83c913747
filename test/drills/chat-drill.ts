// Shared helpers of the query-time fault drills: ask the real chat handler (wired to the
// shared fakes by lib/chat/testing/chat-fixture) and read the whole answer back as
// useChat would, with a guard that turns a hung stream into a failure instead of a hang.
import type { UIMessageChunk } from "ai";
import { askWithAiSdk, postChat, userMessage } from "@/lib/chat/testing/chat-fixture";

type Handler = (request: Request) => Promise<Response>;

/** Far above any answer in these drills (the slowest rung ladder is a few seconds): only a hung stream reaches it. */
const HANG_GUARD_MS = 15_000;

/** Questions no suggested question matches, so each one really needs a query embedding (no baked vector, no cache hit). */
export const FRESH_QUESTIONS = [
  "Which tram line did you study?",
  "What is crema exporter?",
  "Tell me about the homelab",
  "How do you back up the Raspberry Pi cluster?",
  "What did you learn moving from Redshift to DuckDB?",
  "Do you speak Portuguese?",
];

/** Rejects when `promise` has not settled within `ms`: a hang guard, not a timing assertion. */
export function within<T>(promise: Promise<T>, ms = HANG_GUARD_MS, what = "the answer stream"): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms: hung`)), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/** Asks one question as useChat does and reads the whole stream back, guarded against a hang. */
export function ask(handler: Handler, question: string, headers?: Record<string, string>) {
  return within(askWithAiSdk(handler, [userMessage(question)], { headers }));
}

/** True when the stream ended as a complete answer: `finish` last, with no `error` part. */
export function answeredInFull(chunks: UIMessageChunk[]): boolean {
  return chunks.at(-1)?.type === "finish" && !chunks.some((c) => c.type === "error");
}

/** A raw POST from one client address; resolves to the status and the whole body text (guarded). */
export async function postFrom(handler: Handler, ip: string, question = "Where did you study?"): Promise<{ status: number; body: string }> {
  const response = await within(postChat(handler, { messages: [userMessage(question)] }, { "x-forwarded-for": ip }));
  return { status: response.status, body: await within(response.text()) };
}

/** The source links of an answer, in order. */
export function sourceUrls(chunks: UIMessageChunk[]): string[] {
  return chunks.flatMap((c) => (c.type === "source-url" ? [c.url] : []));
}
