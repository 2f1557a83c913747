import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readLimited } from "../chat/schema";

/** Largest feedback body: an id and a word; anything bigger is not the chat's button. */
export const MAX_FEEDBACK_BYTES = 1024;

/** `{"id": "<the answer's insightId>", "rating": "up" | "down"}`: ids are the server's random UUIDs, nothing else. */
export const feedbackSchema = z.strictObject({
  id: z.uuid("id must be the answer's insight id"),
  rating: z.enum(["up", "down"], { error: "rating must be up or down" }),
});

/** A validated rating. */
export type FeedbackBody = z.infer<typeof feedbackSchema>;

/** Reads and validates a rating: 415 unless JSON, 413 past 1 KB, 400 for anything else malformed. */
export async function readFeedbackRequest(request: Request): Promise<FeedbackBody> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type:chat", "Send the rating as application/json.");
  }
  let json: unknown;
  try {
    json = JSON.parse(await readLimited(request, MAX_FEEDBACK_BYTES));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request:chat", "The body is not valid JSON.");
  }
  const parsed = feedbackSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("bad_request:chat", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data;
}
