import { ALL_VISITORS_KEY } from "../chat/client-identity";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { MAX_RECORDED_QUESTION_CHARS, VISITOR_HASH_CHARS } from "./constants";
import type { InsightStore, QuestionEvent } from "./types";

/** What the chat knows about one question when its answer starts. */
export type QuestionFacts = Omit<QuestionEvent, "type" | "at" | "visitor"> & { clientKey?: string };

/** Records questions and ratings; never throws at the chat (a failed write is logged once per failure). */
export interface InsightRecorder {
  store: InsightStore["kind"];
  /** A fresh id for one question, sent to the browser so its rating can name it. */
  newId(): string;
  recordQuestion(facts: QuestionFacts): Promise<void>;
  recordRating(rating: { id: string; rating: "up" | "down" }): Promise<void>;
}

/**
 * The recorder over a store. The visitor hash is sha256 of a random salt made per UTC day
 * in this process (kept only in memory, replaced at midnight) and the client key: it groups
 * one visitor's questions within a day, and nobody can recompute it from an address later.
 */
export function createInsightRecorder({ store, now = () => new Date(), log = console.warn }: {
  store: InsightStore;
  now?: () => Date;
  log?: (message: string) => void;
}): InsightRecorder {
  let salt = { day: "", value: "" };
  const visitorOf = (clientKey: string | undefined, day: string) => {
    // Visitors the site cannot tell apart share one key: hashing it would make them one visitor.
    if (!clientKey || clientKey === ALL_VISITORS_KEY) return undefined;
    if (salt.day !== day) salt = { day, value: randomBytes(16).toString("hex") };
    return createHash("sha256").update(`${salt.value}\0${clientKey}`).digest("hex").slice(0, VISITOR_HASH_CHARS);
  };
  const append = async (event: Parameters<InsightStore["append"]>[0]) => {
    try {
      await store.append(event);
    } catch (error) {
      log(`insights: could not record a ${event.type} (${error instanceof Error ? error.message : String(error)}); the chat goes on`);
    }
  };
  return {
    store: store.kind,
    newId: () => randomUUID(),
    recordQuestion: async ({ clientKey, question, ...facts }) => {
      const at = now().toISOString();
      const visitor = visitorOf(clientKey, at.slice(0, 10));
      await append({ type: "question", at, question: capQuestion(question), ...facts, ...(visitor ? { visitor } : {}) });
    },
    recordRating: async ({ id, rating }) => append({ type: "rating", id, at: now().toISOString(), rating }),
  };
}

/** The question as stored: whitespace folded, at most `MAX_RECORDED_QUESTION_CHARS`. */
export function capQuestion(question: string): string {
  const folded = question.replace(/\s+/g, " ").trim();
  return folded.length <= MAX_RECORDED_QUESTION_CHARS ? folded : `${folded.slice(0, MAX_RECORDED_QUESTION_CHARS - 1)}…`;
}
