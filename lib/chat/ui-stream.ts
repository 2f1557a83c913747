import { createUIMessageStream } from "ai";
import type { UIMessageChunk } from "ai";
import type { StartedAnswer } from "./answer-ladder";
import type { ChatMessageMetadata, Retrieval } from "./types";

/** What a visitor reads when the answer breaks after it started streaming. */
export const ANSWER_INTERRUPTED_MESSAGE = "The answer was interrupted. Please try again.";

/** The id of the answer's one text block. */
const TEXT_ID = "answer";

/**
 * The AI SDK UI message stream of one answer: `start` (retrieval mode in its metadata),
 * one `source-url` per numbered source, then `message-metadata` naming the answer path,
 * `text-start` / `text-delta`... / `text-end`, `finish`. A failure after the start
 * becomes an `error` part; a client that went away ends the stream quietly.
 */
export function createAnswerStream({ retrieval, startAnswer, signal, log = console.error }: {
  retrieval: Retrieval;
  startAnswer: () => Promise<StartedAnswer>;
  signal?: AbortSignal;
  log?: (message: string, error?: unknown) => void;
}): ReadableStream<UIMessageChunk> {
  return createUIMessageStream({
    onError: () => ANSWER_INTERRUPTED_MESSAGE,
    execute: async ({ writer }) => {
      const metadata: ChatMessageMetadata = { retrieval: retrieval.mode };
      if (retrieval.queryEmbedBudget) metadata.budgets = { queryEmbeds: retrieval.queryEmbedBudget };
      writer.write({ type: "start", messageMetadata: metadata });
      for (const source of retrieval.sources) {
        writer.write({ type: "source-url", sourceId: String(source.n), url: source.url, title: source.title });
      }
      let textOpen = false;
      try {
        const answer = await startAnswer();
        metadata.answer = answer.path;
        if (answer.budget) metadata.budgets = { ...metadata.budgets, answers: answer.budget };
        writer.write({ type: "message-metadata", messageMetadata: metadata });
        writer.write({ type: "text-start", id: TEXT_ID });
        textOpen = true;
        for await (const delta of answer.deltas) writer.write({ type: "text-delta", id: TEXT_ID, delta });
        writer.write({ type: "text-end", id: TEXT_ID });
        textOpen = false;
        writer.write({ type: "finish", finishReason: "stop", messageMetadata: metadata });
      } catch (error) {
        if (signal?.aborted) return; // the visitor pressed stop or left: nobody is reading
        log("chat: the answer failed after the stream started", error);
        if (textOpen) writer.write({ type: "text-end", id: TEXT_ID });
        writer.write({ type: "error", errorText: ANSWER_INTERRUPTED_MESSAGE });
      }
    },
  });
}
