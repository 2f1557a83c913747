import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import { createInsightRecorder } from "../insights/record";
import { createFileInsightStore, readFileInsights } from "../insights/stores";
import { withAnswerExtras } from "./answer-extras";
import { createFollowUpSuggester } from "./follow-ups";
import { askWithAiSdk, userMessage, useChatFakes } from "./testing/chat-fixture";

const fakes = useChatFakes();

function streamOf(chunks: UIMessageChunk[], { hang = false } = {}): ReadableStream<UIMessageChunk> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (!hang) controller.close();
    },
  });
}

describe("withAnswerExtras", () => {
  it("adds the metadata to the start part and settles once with the first answer path named", async () => {
    const settled: unknown[] = [];
    const out = withAnswerExtras({
      stream: streamOf([{ type: "start", messageMetadata: { retrieval: "hybrid" } }, { type: "message-metadata", messageMetadata: { retrieval: "hybrid", answer: "groq" } }, { type: "finish", messageMetadata: { retrieval: "hybrid", answer: "groq" } }]),
      metadata: { insightId: "id-1", followUps: ["What about x?"] },
      onSettled: (rung) => settled.push(rung),
    });
    const chunks: UIMessageChunk[] = [];
    for await (const chunk of out as unknown as AsyncIterable<UIMessageChunk>) chunks.push(chunk);
    expect(chunks[0]).toEqual({ type: "start", messageMetadata: { retrieval: "hybrid", insightId: "id-1", followUps: ["What about x?"] } });
    expect(settled).toEqual(["groq"]);
  });

  it("settles with null when the visitor cancels before any answer path started", async () => {
    const settled: unknown[] = [];
    const out = withAnswerExtras({ stream: streamOf([{ type: "start" }], { hang: true }), metadata: {}, onSettled: (rung) => settled.push(rung) });
    const reader = out.getReader();
    await reader.read();
    await reader.cancel();
    expect(settled).toEqual([null]);
  });
});

describe("the chat route with insights and follow-ups", () => {
  it("sends an insight id and follow-ups from the sources' other sections, and records the question with its rung", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "extras-")), "insights.jsonl");
    const insights = createInsightRecorder({ store: createFileInsightStore({ file }) });
    const handler = fakes.handlerWith({ extras: { insights, suggestFollowUps: createFollowUpSuggester({ loadIndex: async () => fakes.index }) } });
    const { message } = await askWithAiSdk(handler, [userMessage("How did you serve the fraud scoring model with ONNX Runtime?")], { headers: { "x-forwarded-for": "198.51.100.7" } });
    const sources = message.parts.flatMap((p) => (p.type === "source-url" ? [p.url] : []));
    const { insightId, followUps } = message.metadata ?? {};
    expect(followUps?.length).toBeGreaterThanOrEqual(2);
    for (const question of followUps!) expect(question).toMatch(/^What about “.+” in .+\?$/);
    await expect.poll(() => readFileInsights({ file }).length).toBe(1);
    const [event] = readFileInsights({ file });
    expect(event).toMatchObject({ type: "question", id: insightId, question: "How did you serve the fraud scoring model with ONNX Runtime?", mode: "hybrid", rung: "groq", covered: true });
    expect(JSON.stringify(event)).not.toContain("198.51.100");
    expect(sources.length).toBeGreaterThan(0);
  });

  it("records a question with no source at all as not covered, and sends no follow-ups for it", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "extras-")), "insights.jsonl");
    const insights = createInsightRecorder({ store: createFileInsightStore({ file }) });
    const handler = fakes.handlerWith({ embedUrl: undefined, extras: { insights, suggestFollowUps: createFollowUpSuggester({ loadIndex: async () => fakes.index }) } });
    const { message } = await askWithAiSdk(handler, [userMessage("xylophone zeppelin quokka")]);
    expect(message.metadata?.followUps).toBeUndefined();
    await expect.poll(() => readFileInsights({ file }).length).toBe(1);
    expect(readFileInsights({ file })[0]).toMatchObject({ mode: "lexical", covered: false });
  });
});
