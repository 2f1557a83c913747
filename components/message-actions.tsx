"use client";

import { useState } from "react";

type Rating = "up" | "down";

const action = "rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-pressed:bg-zinc-200 aria-pressed:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-pressed:bg-zinc-700 dark:aria-pressed:text-zinc-100";

/** A thumb drawn inline: emoji fonts are missing on many Linux machines, and an icon font would cost a request. */
function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className={down ? "rotate-180" : undefined}>
      <path d="M7 10v11H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3z" />
      <path d="M7 10l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7" />
    </svg>
  );
}

/** Sends a rating to `POST /api/feedback`; resolves false when it was not accepted. */
async function sendRating(id: string, rating: Rating): Promise<boolean> {
  try {
    const response = await fetch("/api/feedback", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id, rating }) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Under a finished answer: Copy, and thumbs up or down sent to the server when the answer carries an insight id. */
export function MessageActions({ text, insightId }: { text: string; insightId?: string }) {
  const [note, setNote] = useState("");
  const [rating, setRating] = useState<Rating | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote("Copied.");
    } catch {
      setNote("Could not copy: select the text instead.");
    }
  };
  const rate = async (next: Rating) => {
    if (!insightId || rating === next) return;
    setRating(next);
    const sent = await sendRating(insightId, next);
    setNote(sent ? "Thanks, noted." : "Could not send that; try again later.");
    if (!sent) setRating(null);
  };
  return (
    <div className="mt-2 flex flex-wrap items-center gap-1" data-message-actions>
      <button type="button" className={action} onClick={() => void copy()}>
        Copy<span className="sr-only"> answer</span>
      </button>
      {insightId ? (
        <>
          <button type="button" className={action} aria-label="Helpful" aria-pressed={rating === "up"} onClick={() => void rate("up")}>
            <Thumb />
          </button>
          <button type="button" className={action} aria-label="Not helpful" aria-pressed={rating === "down"} onClick={() => void rate("down")}>
            <Thumb down />
          </button>
        </>
      ) : null}
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {note}
      </span>
    </div>
  );
}
