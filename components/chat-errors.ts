// Client-safe: what the chat says when a request fails, in the visitor's words.

/** A refused chat request: its status, the route's own message, and `Retry-After` in seconds. */
export class ChatHttpError extends Error {
  constructor(readonly status: number, message: string, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = "ChatHttpError";
  }
}

/** `fetch` for the chat transport: a non-2xx answer becomes a `ChatHttpError` carrying the route's message and `Retry-After`. */
export async function fetchChat(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.ok) return response;
  const retryAfter = Number(response.headers.get("retry-after"));
  let message = "";
  try {
    message = ((await response.json()) as { error?: { message?: string } }).error?.message ?? "";
  } catch {
    // not the route's JSON (a proxy's page): the status decides the words below
  }
  throw new ChatHttpError(response.status, message, Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : undefined);
}

/** Words a browser uses when a request never got an answer ("Failed to fetch", "NetworkError ...", "Load failed"). */
const NETWORK_FAILURE = /failed to fetch|networkerror|network error|load failed|err_internet|err_network/i;

/** One sentence for a failed question: offline, busy (with the wait), the route's message, or the stream's error text. */
export function describeChatError(error: Error, online = typeof navigator === "undefined" || navigator.onLine !== false): string {
  if (!online || NETWORK_FAILURE.test(error.message)) return "You seem to be offline. Check your connection, then retry.";
  if (error instanceof ChatHttpError) {
    if (error.status === 429) return error.retryAfterSeconds ? `The chat is busy, try again in ${error.retryAfterSeconds} s.` : "The chat is busy, try again in a moment.";
    if (error.status >= 500 && !error.message) return "The chat is unavailable right now. Try again in a moment.";
    return error.message || "The question could not be sent. Please try again.";
  }
  // A stream error part: its text (lib/chat/ui-stream.ts) is already written for visitors.
  return error.message || "Something went wrong. Please try again.";
}
