import { describeChatError } from "./chat-errors";

/** A failed question, said in the visitor's words where the conversation ends, with Retry. */
export function ChatError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200" data-chat-error>
      <span className="min-w-0 flex-1">{describeChatError(error)}</span>
      <button type="button" onClick={onRetry} className="rounded-lg border border-red-300 px-3 py-1 font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900">
        Retry
      </button>
    </div>
  );
}
