/** The pending line under a new question, `role="status"` so it is announced; shown from the keypress until the first words arrive. */
export function ChatStatus({ pending }: { pending: boolean }) {
  return (
    <p role="status" className={pending ? "animate-pulse text-sm text-zinc-600 dark:text-zinc-400" : "sr-only"} data-chat-status>
      {pending ? "Reading my notes…" : ""}
    </p>
  );
}

/** The note under an answer the visitor stopped (or a question stopped before its answer began). */
export function StoppedNote() {
  return (
    <p className="mt-1 text-xs italic text-zinc-600 dark:text-zinc-400" data-chat-stopped>
      Stopped. Ask again, or rephrase.
    </p>
  );
}
