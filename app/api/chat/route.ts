import { createChatHandler } from "@/lib/chat/handler";
import { defaultChatDeps } from "@/lib/chat/default-deps";
import { readChatRequest } from "./schema";

// The baked index is read from disk and groq-sdk needs Node APIs.
export const runtime = "nodejs";
// A long answer streams for a while; Vercel's default function limit would cut it.
export const maxDuration = 60;

/** `POST /api/chat`: validate, rate-limit, retrieve, stream the answer (all of it in lib/chat). */
export const POST = createChatHandler(() => ({ ...defaultChatDeps(), readRequest: readChatRequest }));
