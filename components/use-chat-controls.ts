"use client";

import type { ChatStatus } from "ai";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { ChatUIMessage } from "@/lib/chat/types";

/** Space kept above a new question at the top of the conversation box, so it does not touch the edge. */
const QUESTION_TOP_GAP_PX = 8;

/** True while a question is on its way or its answer streams. */
export const isBusy = (status: ChatStatus) => status === "submitted" || status === "streaming";

/**
 * The chat's focus and scroll behaviour: `stopAnswer` (Esc, from the panel) stops the answer
 * and remembers it (by the id of the message it ended on), focus returns
 * to the question box whenever an answer ends (done, failed or stopped), and a new question
 * is scrolled to the top of the conversation so its answer grows below it.
 */
export function useChatControls({ messages, status, stop, inputRef, logRef }: {
  messages: ChatUIMessage[];
  status: ChatStatus;
  stop: () => Promise<void> | void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  logRef: RefObject<HTMLDivElement | null>;
}): { stopped: ReadonlySet<string>; stopAnswer: () => void } {
  const [stopped, setStopped] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef({ messages, status });
  latest.current = { messages, status };

  const stopAnswer = useCallback(() => {
    const { messages: current, status: now } = latest.current;
    const last = current.at(-1);
    if (!isBusy(now) || !last) return;
    setStopped((ids) => new Set(ids).add(last.id));
    void stop();
  }, [stop]);

  const busy = isBusy(status);

  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) inputRef.current?.focus();
    wasBusy.current = busy;
  }, [busy, inputRef]);

  // A new question goes to the top of the conversation's box; its answer grows below it, never past it.
  const lastQuestionId = messages.findLast((m) => m.role === "user")?.id;
  const scrolledFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    const log = logRef.current;
    if (!log || !lastQuestionId || scrolledFor.current === lastQuestionId) return;
    const first = scrolledFor.current === undefined;
    scrolledFor.current = lastQuestionId;
    if (first && !busy) return; // a conversation restored after Back stays where the visitor left it
    const question = log.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(lastQuestionId)}"]`);
    if (question) log.scrollTo({ top: Math.max(0, question.offsetTop - QUESTION_TOP_GAP_PX), behavior: "smooth" }); // the log is the offset parent (relative)
    inputRef.current?.scrollIntoView({ block: "nearest" });
  }, [lastQuestionId, busy, logRef, inputRef]);

  return { stopped, stopAnswer };
}
