import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { coveredTopicsOf, nameOf, notCoveredText, spellingOf } from "./not-covered";
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
  it("names posts by the tags on most of their sections, projects by their newest names, then the resume", () => {
    const chunks = [
      chunk("/a", "2024-01-01", ["homelab", "go"]), chunk("/a", "2024-01-01", ["homelab", "go"]),
      chunk("/b", "2025-01-01", ["machine-learning", "homelab"]),
      chunk("/c", "2026-01-01", ["machine-learning"]),
      { ...chunk("/p1", "2025-06-01", ["Rust"], "project"), documentTitle: "Tram 28: bunching on one line" },
      { ...chunk("/p2", "2026-02-01", ["Go"], "project"), documentTitle: "Ask Ines — the chat on this site" },
      chunk("/resume", "2026-03-01", undefined, "resume"),
    ];
    expect(coveredTopicsOf(chunks)).toEqual(["posts on homelab and machine learning", "projects such as Ask Ines and Tram 28", "my resume"]);
  });

  it("leaves out a kind of writing the content does not have", () => {
    expect(coveredTopicsOf([chunk("/p", "2025-01-01")])).toEqual(["posts"]);
  });
});

describe("spellingOf", () => {
  it("writes a tag as the author does mid-sentence, not as a slug", () => {
    const texts = ["I moved the models to PyTorch and then PyTorch 2.", "Three Raspberry Pi boards; a Raspberry Pi 5 later.", "Life in Lisbon. The life of a cluster and a good life."];
    expect(spellingOf("pytorch", texts)).toBe("PyTorch");
    expect(spellingOf("raspberry-pi", texts)).toBe("Raspberry Pi");
    expect(spellingOf("life", texts)).toBe("life");
    expect(spellingOf("machine-learning", texts)).toBe("machine learning");
  });
});

describe("nameOf", () => {
  it("drops a title's subtitle", () => {
    expect(nameOf("Ask Ines: the chat on this site")).toBe("Ask Ines");
    expect(nameOf("ékezet — Hungarian accent restoration")).toBe("ékezet");
    expect(nameOf("Gira Pulse")).toBe("Gira Pulse");
  });
});

describe("notCoveredText", () => {
  it("says the writing does not cover it and names what it does, each kind kept apart", () => {
    expect(notCoveredText({ suggestions: ["posts on machine learning and Lisbon", "projects such as Ask Ines and Gira Pulse", "my resume"] })).toBe(
      "My writing doesn't cover that, so I won't guess. It does have posts on machine learning and Lisbon, projects such as Ask Ines and Gira Pulse, and my resume: ask me about any of those.",
    );
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
    expect(text).toMatch(/^My writing doesn't cover that.+It does have .+/);
    expect(fakes.logs.join("\n")).toContain("not covered");
  });

  it("refuses it as a follow-up too: the earlier question's topic does not leak into it", async () => {
    const history = [userMessage("What's the latest thing you wrote?"), { id: "a1", role: "assistant" as const, parts: [{ type: "text" as const, text: "My latest post is about the chat." }] }];
    const { chunks, message } = await askWithAiSdk(noKeys(), [...history, userMessage("What is the capital of France?")]);
    expect(chunks.filter((c) => c.type === "source-url")).toEqual([]);
    expect(message.metadata).toMatchObject({ answer: "not-covered" });
  });
});
