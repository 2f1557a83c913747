import { describe, expect, it } from "vitest";
import { buildRetrievalQuery, MODEL_HISTORY_MESSAGES, QUERY_MAX_CHARS, toModelMessages } from "./conversation";
import type { ChatMessage } from "./types";

const user = (text: string): ChatMessage => ({ id: text, role: "user", parts: [{ type: "text", text }] });
const assistant = (text: string): ChatMessage => ({ id: text, role: "assistant", parts: [{ type: "source-url", sourceId: "1", url: "/x", title: "X" }, { type: "text", text }] });

describe("buildRetrievalQuery", () => {
  it("uses a first question exactly as typed, so a suggested question hits its baked vector", () => {
    expect(buildRetrievalQuery([user("What kind of ML work have you done?")])).toBe("What kind of ML work have you done?");
  });

  it("folds the two previous user turns into a follow-up, oldest first, and skips answers", () => {
    const messages = [user("q1"), assistant("a1"), user("q2"), assistant("a2"), user("q3"), assistant("a3"), user("what tools did you use for it?")];
    expect(buildRetrievalQuery(messages)).toBe("q2\nq3\nwhat tools did you use for it?");
  });

  it("keeps the newest end when the query is too long", () => {
    const query = buildRetrievalQuery([user("a".repeat(QUERY_MAX_CHARS)), user("latest")]);
    expect(query).toHaveLength(QUERY_MAX_CHARS);
    expect(query.endsWith("\nlatest")).toBe(true);
  });
});

describe("toModelMessages", () => {
  it("puts the system prompt first and keeps only the recent text of the conversation", () => {
    const messages = Array.from({ length: 12 }, (_, i) => (i % 2 ? assistant(`a${i}`) : user(`q${i}`)));
    const model = toModelMessages({ system: "rules", messages });
    expect(model[0]).toEqual({ role: "system", content: "rules" });
    expect(model).toHaveLength(MODEL_HISTORY_MESSAGES + 1);
    expect(model.at(-1)).toEqual({ role: "assistant", content: "a11" });
  });
});
