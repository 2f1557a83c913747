import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { buildRetrievalQuery } from "../chat/conversation";
import type { ChatMessage } from "../chat/types";
import { QUESTION_TYPES, type EvalQuestion } from "./types";

/** Where the labelled questions live, relative to the project root. */
const QUESTIONS_FILE = "eval/questions.json";

const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    type: z.enum(QUESTION_TYPES),
    question: z.string().min(1),
    expected: z.array(z.string().startsWith("/")),
    history: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((q) => (q.type === "unanswerable") === (q.expected.length === 0), { message: "unanswerable questions, and only they, expect no URL" })
  .refine((q) => (q.type === "follow-up") === (q.history !== undefined), { message: "follow-ups, and only they, carry a history" });

const fileSchema = z.object({ questions: z.array(questionSchema).min(1) });

/** Reads and validates the eval set; throws naming the first bad question or a duplicate id. */
export function loadQuestions(root = process.cwd()): EvalQuestion[] {
  const raw = JSON.parse(fs.readFileSync(path.join(root, QUESTIONS_FILE), "utf8"));
  const { questions } = fileSchema.parse(raw);
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id)) throw new Error(`${QUESTIONS_FILE}: duplicate id ${q.id}`);
    seen.add(q.id);
  }
  return questions;
}

/** The text the chat route would retrieve with: the question, preceded by its history as earlier user turns. */
export function retrievalQueryOf(question: EvalQuestion): string {
  const turns = [...(question.history ?? []), question.question];
  const messages: ChatMessage[] = turns.map((text, i) => ({ id: `${question.id}-${i}`, role: "user", parts: [{ type: "text", text }] }));
  return buildRetrievalQuery(messages);
}
