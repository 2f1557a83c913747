import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { coveredTopicsOf, notCoveredText } from "./not-covered";
import { askWithAiSdk, useChatFakes, userMessage } from "./testing/chat-fixture";

const fakes = useChatFakes();
/** No keys and the Pi off: keyword search and the extractive answer, as on a fresh clone. */
const noKeys = () => fakes.handlerWith({ embedUrl: undefined, groqUrl: undefined, llmUrl: undefined });
const sourceTitles = (chunks: Array<{ type: string }>) => chunks.flatMap((c) => (c.type === "source-url" ? [(c as { title?: string }).title ?? ""] : []));
const MACHINE_LEARNING = /\bML\b|machine[- ]learning|pytorch|onnx|model/i;

const chunk = (url: string, date: string, tags?: string[], kind: Chunk["kind"] = "post"): Chunk => ({
  id: url, kind, documentTitle: `Title of ${url}`, documentUrl: url, url, anchor: null, title: url, date, text: url, ...(tags ? { tags } : {}),
});

describe("coveredTopicsOf", () => {
  it("names the tags most documents carry, newer first on ties, readable", () => {
    const chunks = [chunk("/a", "2024-01-01", ["homelab", "go"]), chunk("/b", "2025-01-01", ["machine-learning", "homelab"]), chunk("/c", "2026-01-01", ["machine-learning"]), chunk("/d", "2023-01-01", ["lisbon"])];
    expect(coveredTopicsOf(chunks)).toEqual(["machine learning", "homelab", "go"]);
  });

  it("falls back to document titles when there are too few tags, never the resume", () => {
    expect(coveredTopicsOf([chunk("/resume", "2026-01-01", undefined, "resume"), chunk("/p", "2025-01-01")])).toEqual(["Title of /p"]);
  });
});

describe("notCoveredText", () => {
  it("says the writing does not cover it and names what it does", () => {
    expect(notCoveredText({ suggestions: ["machine learning", "homelab", "Lisbon"] })).toBe("My writing doesn't cover that, so I won't guess. It does cover machine learning, homelab and Lisbon, among other things: ask me about one of those.");
  });
});

describe("the chat with no keys and the Pi off", () => {
  it("answers the placeholder question with machine-learning sources first", async () => {
    const { chunks, message } = await askWithAiSdk(noKeys(), [userMessage("What kind of ML work have you done?")]);
    const firstThree = sourceTitles(chunks).slice(0, 3);
    expect(firstThree.filter((title) => MACHINE_LEARNING.test(title)).length).toBeGreaterThanOrEqual(2);
    expect(message.metadata).toMatchObject({ retrieval: "lexical", answer: "extractive" });
  });

  it("refuses \"What is the capital of France?\" asked first: no sources, no model, what it covers instead", async () => {
    const { chunks, text, message } = await askWithAiSdk(fakes.handlerWith({ embedUrl: undefined }), [userMessage("What is the capital of France?")]);
    expect(chunks.filter((c) => c.type === "source-url")).toEqual([]);
    expect(fakes.llm.requests).toHaveLength(0);
    expect(message.metadata).toMatchObject({ answer: "not-covered" });
    expect(text).toMatch(/^My writing doesn't cover that.+It does cover .+/);
    expect(fakes.logs.join("\n")).toContain("not covered");
  });

  it("refuses it as a follow-up too: the earlier question's topic does not leak into it", async () => {
    const history = [userMessage("What's the latest thing you wrote?"), { id: "a1", role: "assistant" as const, parts: [{ type: "text" as const, text: "My latest post is about the chat." }] }];
    const { chunks, message } = await askWithAiSdk(noKeys(), [...history, userMessage("What is the capital of France?")]);
    expect(chunks.filter((c) => c.type === "source-url")).toEqual([]);
    expect(message.metadata).toMatchObject({ answer: "not-covered" });
  });
});
