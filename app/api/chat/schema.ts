import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_MESSAGE_ID_CHARS, MAX_USER_TEXT_CHARS } from "@/lib/chat/limits";
import type { ChatRequestBody } from "@/lib/chat/types";

/** Largest body accepted: the chat client sends at most its last 12 messages; our own answers cap out near 4 KB each plus sources. */
export const MAX_BODY_BYTES = 128 * 1024;

/** Most messages in one request: the client sends the last 12, the answer model sees 8; more is not a visitor. */
export const MAX_MESSAGES = 24;

/** Longest assistant message sent back: our answers cap at 800 tokens (~3,500 characters); this leaves headroom. */
export const MAX_ASSISTANT_TEXT_CHARS = 10_000;

/** Most parts in one message: one text part plus up to 15 sources, with slack. */
export const MAX_PARTS_PER_MESSAGE = 40;

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const sourceUrlPart = z.object({
  type: z.literal("source-url"),
  sourceId: z.string().max(200),
  url: z.string().max(2_000),
  title: z.string().max(500).optional(),
});
const part = z.discriminatedUnion("type", [textPart, sourceUrlPart], {
  error: "unknown part type: messages may only hold text parts (and source-url parts on answers)",
});
const message = z.object({
  id: z.string().max(MAX_MESSAGE_ID_CHARS),
  role: z.enum(["user", "assistant"], { error: "role must be user or assistant: a client cannot send a system message" }),
  // An answer that failed before its first part comes back empty; the last-message rule guards the question.
  parts: z.array(part).max(MAX_PARTS_PER_MESSAGE),
});

/** The body `useChat` sends: `{ messages: [{ id, role, parts }] }`; extra fields (`id`, `trigger`) are allowed and ignored. */
export const chatRequestSchema = z.object({
  messages: z.array(message).min(1, "messages must not be empty").max(MAX_MESSAGES, `at most ${MAX_MESSAGES} messages per request`),
}).superRefine(({ messages }, ctx) => {
  messages.forEach((m, i) => {
    const text = m.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
    const max = m.role === "user" ? MAX_USER_TEXT_CHARS : MAX_ASSISTANT_TEXT_CHARS;
    if (text.length > max) ctx.addIssue({ code: "custom", path: ["messages", i], message: `text longer than ${max} characters` });
    if (m.role === "user" && m.parts.some((p) => p.type !== "text")) {
      ctx.addIssue({ code: "custom", path: ["messages", i], message: "user messages may only hold text parts" });
    }
  });
  const last = messages.at(-1);
  if (last && (last.role !== "user" || !last.parts.some((p) => p.type === "text" && p.text.trim() !== ""))) {
    ctx.addIssue({ code: "custom", path: ["messages", messages.length - 1], message: "the last message must be a user message with non-empty text" });
  }
});

/** Reads and validates a chat request: 415 unless JSON, 413 past MAX_BODY_BYTES, 400 for anything malformed. */
export async function readChatRequest(request: Request): Promise<ChatRequestBody> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("unsupported_media_type:chat", "Send the question as application/json.");
  }
  const text = await readLimited(request, MAX_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:chat", "The body is not valid JSON.");
  }
  const parsed = chatRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("bad_request:chat", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data as ChatRequestBody;
}

/** The body as text, refusing it (413) as soon as it passes `limit` bytes, declared or streamed. */
export async function readLimited(request: Request, limit: number): Promise<string> {
  const tooLarge = () => new AppError("payload_too_large:chat", `The request is larger than ${limit / 1024} KB.`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
