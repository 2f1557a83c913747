import { messageText } from "./conversation";
import type { UIMessageChunk } from "ai";
import type { InsightRecorder } from "../insights/record";
import type { AnswerPath, ChatMessage, ChatMessageMetadata, Retrieval } from "./types";

/**
 * Passes an answer's UI message stream through, adding `metadata` to its `start` part and
 * calling `onSettled` once with the answer path (from the first metadata naming one), or
 * with null when the stream ends, fails or is cancelled before any path answered.
 */
export function withAnswerExtras({ stream, metadata, onSettled }: {
  stream: ReadableStream<UIMessageChunk>;
  metadata: Partial<ChatMessageMetadata>;
  onSettled?: (answer: AnswerPath | null) => void;
}): ReadableStream<UIMessageChunk> {
  let settled = false;
  const settle = (answer: AnswerPath | null) => {
    if (settled) return;
    settled = true;
    onSettled?.(answer);
  };
  const reader = stream.getReader();
  return new ReadableStream<UIMessageChunk>({
    async pull(controller) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        settle(null);
        throw error;
      });
      if (done) {
        settle(null);
        return controller.close();
      }
      let chunk = value;
      if (chunk.type === "start") chunk = { ...chunk, messageMetadata: { ...(chunk.messageMetadata as object | undefined), ...metadata } };
      const answer = "messageMetadata" in chunk ? (chunk.messageMetadata as ChatMessageMetadata | undefined)?.answer : undefined;
      if (answer) settle(answer);
      controller.enqueue(chunk);
    },
    async cancel(reason) {
      settle(null);
      await reader.cancel(reason);
    },
  });
}

/**
 * The chat route's extras on one answer: the insight id and follow-up questions in its
 * metadata, and the question recorded for `npm run insights` once its answer path is known.
 */
export async function addAnswerExtras({ stream, retrieval, question, clientKey, insights, suggestFollowUps }: {
  stream: ReadableStream<UIMessageChunk>;
  retrieval: Retrieval;
  question: ChatMessage | undefined;
  clientKey: string;
  insights?: InsightRecorder;
  suggestFollowUps?: (sources: Retrieval["sources"]) => Promise<string[]>;
}): Promise<ReadableStream<UIMessageChunk>> {
  const followUps = suggestFollowUps && retrieval.sources.length > 0 ? await suggestFollowUps(retrieval.sources) : [];
  const id = insights?.newId();
  const text = question ? messageText(question) : "";
  return withAnswerExtras({
    stream,
    metadata: { ...(id ? { insightId: id } : {}), ...(followUps.length > 0 ? { followUps } : {}) },
    onSettled: (rung) => {
      if (!insights || !id) return;
      void insights.recordQuestion({
        id,
        question: text,
        mode: retrieval.mode,
        rung,
        covered: retrieval.coverage.covered,
        topScore: retrieval.coverage.topScore,
        clientKey,
      });
    },
  });
}
