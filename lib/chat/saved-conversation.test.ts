import { describe, expect, it } from "vitest";
import { MAX_SAVED_MESSAGES, SAVED_CONVERSATION_KEY, parseSavedConversation, readSavedConversation, saveConversation } from "./saved-conversation";
import type { ChatUIMessage } from "./types";

const question: ChatUIMessage = { id: "u1", role: "user", parts: [{ type: "text", text: "What did you build with Kafka?" }] };
const answer: ChatUIMessage = {
  id: "a1",
  role: "assistant",
  metadata: { retrieval: "hybrid", answer: "groq" },
  parts: [
    { type: "source-url", sourceId: "1", url: "/blog/kafka#consumers", title: "Kafka › Consumers" },
    { type: "text", text: "A consumer group [1]." },
  ],
};

/** A Map behind the three Storage methods the module uses. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("saveConversation / readSavedConversation", () => {
  it("round-trips a question and its answer with sources and metadata", () => {
    const storage = memoryStorage();
    saveConversation([question, answer], storage);
    expect(readSavedConversation(storage)).toEqual([question, answer]);
  });

  it("keeps an answer's rating id and follow-ups, so Back restores its thumbs and 'Ask next'", () => {
    const storage = memoryStorage();
    const rated: ChatUIMessage = { ...answer, metadata: { ...answer.metadata, insightId: "5f0c2a9e-3b1d-4c6e-8f7a-2d9b1e4c6a80", followUps: ["How do you test consumers?", "What about retries?"] } };
    saveConversation([question, rated], storage);
    expect(readSavedConversation(storage)).toEqual([question, rated]);
  });

  it("drops junk follow-ups and rating ids from a tampered save instead of showing them", () => {
    const tampered = { ...answer, metadata: { retrieval: "hybrid", insightId: 42, followUps: ["A real question?", 7, "", "x".repeat(2_001), "Two?", "Three?", "Four?"] } };
    const [, restored] = parseSavedConversation(JSON.stringify([question, tampered]));
    expect(restored?.metadata).toEqual({ retrieval: "hybrid", followUps: ["A real question?", "Two?", "Three?"] });
  });

  it("removes the key when the conversation is cleared", () => {
    const storage = memoryStorage();
    saveConversation([question], storage);
    saveConversation([], storage);
    expect(storage.items.has(SAVED_CONVERSATION_KEY)).toBe(false);
  });

  it("keeps only the newest messages", () => {
    const storage = memoryStorage();
    const many = Array.from({ length: MAX_SAVED_MESSAGES + 5 }, (_, i): ChatUIMessage => ({ ...question, id: `u${i}` }));
    saveConversation(many, storage);
    expect(readSavedConversation(storage).map((m) => m.id)).toEqual(many.slice(-MAX_SAVED_MESSAGES).map((m) => m.id));
  });

  it("goes on without storage: none at all, a full one, or one that throws on read", () => {
    const throwing = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} };
    expect(() => saveConversation([question], throwing)).not.toThrow();
    expect(readSavedConversation(throwing)).toEqual([]);
    expect(readSavedConversation(null)).toEqual([]);
    expect(() => saveConversation([question], null)).not.toThrow();
  });
});

describe("parseSavedConversation", () => {
  it("gives an empty conversation for nothing saved, text that is not JSON, or JSON that is not a list", () => {
    expect(parseSavedConversation(null)).toEqual([]);
    expect(parseSavedConversation("{not json")).toEqual([]);
    expect(parseSavedConversation('{"messages": []}')).toEqual([]);
  });

  it("gives an empty conversation when any message is malformed: a system role, no id, parts not a list, a text part without text", () => {
    const junk = [
      { ...question, role: "system" },
      { role: "user", parts: [] },
      { ...question, parts: "hi" },
      { ...question, parts: [{ type: "text", text: 42 }] },
    ];
    for (const bad of junk) expect(parseSavedConversation(JSON.stringify([answer, bad]))).toEqual([]);
  });

  it("refuses a source link that is not a path on this site (javascript:, another host)", () => {
    for (const url of ["javascript:alert(1)", "https://evil.test/x", "//evil.test/x"]) {
      const tampered = { ...answer, parts: [{ type: "source-url", sourceId: "1", url }] };
      expect(parseSavedConversation(JSON.stringify([question, tampered]))).toEqual([]);
    }
  });

  it("drops part kinds the panel does not show and metadata values it does not know, keeping the rest", () => {
    const saved = { ...answer, metadata: { retrieval: "psychic", answer: "groq", extra: 1 }, parts: [{ type: "step-start" }, ...answer.parts] };
    expect(parseSavedConversation(JSON.stringify([saved]))).toEqual([{ ...answer, metadata: { answer: "groq" } }]);
  });
});
