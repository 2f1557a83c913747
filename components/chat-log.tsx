import type { ReactNode, Ref } from "react";

/** The conversation's scrolling box, `role="log"`: the same element whether the chat's code has loaded yet or not. */
export function ChatLog({ author, busy, focusable, ref, children }: { author: string; busy: boolean; focusable: boolean; ref?: Ref<HTMLDivElement>; children: ReactNode }) {
  return (
    <div
      ref={ref}
      role="log"
      aria-live="polite"
      aria-busy={busy}
      aria-label={`Conversation with ${author}'s writing`}
      tabIndex={focusable ? 0 : undefined}
      className="relative max-h-[60dvh] space-y-4 overflow-y-auto overscroll-contain rounded-lg empty:hidden"
      data-chat-log
    >
      {children}
    </div>
  );
}
