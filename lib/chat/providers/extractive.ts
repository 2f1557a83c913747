import { EXTRACTIVE_LABEL, writeExtractiveAnswer } from "../extractive/write-answer";
import type { AnswerProvider } from "../types";

export { EXTRACTIVE_LABEL };

/** The last rung: the sentences of the top sources that best answer the question, cited and labelled once; needs no model and never fails. */
export function createExtractiveProvider(): AnswerProvider {
  return {
    name: "extractive",
    async *stream({ messages, sources, extractiveLabel }) {
      // When the day's answer budget, not a missing model, is the reason, the label says so.
      const answer = writeExtractiveAnswer({ messages, sources, label: extractiveLabel });
      // One paragraph per delta, so the answer still arrives as a stream.
      const paragraphs = answer.split("\n\n");
      for (const [i, paragraph] of paragraphs.entries()) yield i < paragraphs.length - 1 ? `${paragraph}\n\n` : paragraph;
    },
  };
}
