import { z } from "zod";

/** One question as recorded: no IP, no user agent, no cookie. */
export const questionEventSchema = z.object({
  type: z.literal("question"),
  /** Random id, sent to the browser in the answer's metadata so a rating can name it. */
  id: z.string().min(1).max(64),
  /** ISO time the answer started (or the question ended without one). */
  at: z.string(),
  question: z.string(),
  mode: z.enum(["hybrid", "lexical"]),
  /** Which answer path answered; null when none did (stopped first, or failed). */
  rung: z.string().nullable(),
  /** The top source's score as the covered decision saw it; null when retrieval gave none. */
  topScore: z.number().nullable(),
  covered: z.boolean(),
  /** A day-salted hash grouping one visitor's questions on one day; not reversible once the day's salt is gone. */
  visitor: z.string().optional(),
});

/** A visitor's thumbs on one answer; the newest rating of an id wins. */
export const ratingEventSchema = z.object({
  type: z.literal("rating"),
  id: z.string().min(1).max(64),
  at: z.string(),
  rating: z.enum(["up", "down"]),
});

export const insightEventSchema = z.discriminatedUnion("type", [questionEventSchema, ratingEventSchema]);

export type QuestionEvent = z.infer<typeof questionEventSchema>;
export type InsightEvent = z.infer<typeof insightEventSchema>;

/** Where events go: Redis, a log line, or a local JSONL file. */
export interface InsightStore {
  /** Which store, for the notice at startup and the report's header. */
  kind: "redis" | "log" | "file";
  append(event: InsightEvent): Promise<void>;
}
