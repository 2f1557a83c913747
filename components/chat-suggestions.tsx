/** Questions to ask: the starting ones, or after an answer its follow-ups; a click asks at once. */
export function ChatSuggestions({ questions, followUps, disabled, onAsk }: { questions: string[]; followUps: boolean; disabled: boolean; onAsk: (question: string) => void }) {
  return (
    <div>
      <h3 className="text-sm font-medium text-zinc-600 dark:text-zinc-400" id="chat-suggestions">
        {followUps ? "Ask next" : "Try asking"}
      </h3>
      <ul className="mt-2 flex flex-wrap gap-2" aria-labelledby="chat-suggestions">
        {questions.map((question) => (
          <li key={question}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onAsk(question)}
              className="rounded-full border border-zinc-300 px-3 py-1 text-left text-sm font-medium text-zinc-700 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
              data-suggested-question={followUps ? undefined : ""}
              data-follow-up={followUps ? "" : undefined}
            >
              {question}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
