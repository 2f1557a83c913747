import { createChatHandler } from "@/lib/chat/handler";
import { defaultChatDeps } from "@/lib/chat/default-deps";
import { AppError } from "@/lib/errors";
import { readChatRequest } from "./schema";

// The baked index is read from disk and groq-sdk needs Node APIs.
export const runtime = "nodejs";
// A long answer streams for a while; Vercel's default function limit would cut it.
export const maxDuration = 60;

/** `POST /api/chat`: validate, rate-limit, retrieve, stream the answer (all of it in lib/chat). */
export const POST = createChatHandler(() => ({ ...defaultChatDeps(), readRequest: readChatRequest }));

/** Any other method: 405 with `Allow: POST` and the usual JSON error, not Next's empty body. */
function methodNotAllowed(request: Request): Response {
  const response = new AppError("method_not_allowed:chat", `${request.method} is not supported here: send the question with POST.`).toResponse();
  response.headers.set("allow", "POST");
  return response;
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
