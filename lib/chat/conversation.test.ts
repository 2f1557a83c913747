import { describe, expect, it } from "vitest";
import { buildRetrievalQuery, MODEL_HISTORY_MESSAGES, needsEarlierTurns, QUERY_MAX_CHARS, toModelMessages } from "./conversation";
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
    const query = buildRetrievalQuery([user("a".repeat(QUERY_MAX_CHARS)), user("and the latest?")]);
    expect(query).toHaveLength(QUERY_MAX_CHARS);
    expect(query.endsWith("\nand the latest?")).toBe(true);
  });

  it("retrieves a new topic alone, so an earlier question cannot leak into it", () => {
    expect(buildRetrievalQuery([user("What's the latest thing you wrote?"), assistant("a1"), user("What is the capital of France?")])).toBe("What is the capital of France?");
    expect(buildRetrievalQuery([user("Did you speak at PyCon Portugal?"), assistant("a1"), user("Have you used Terraform?")])).toBe("Have you used Terraform?");
  });

  it("joins earlier turns when the question refers back, continues, or has no topic of its own", () => {
    const after = (question: string) => buildRetrievalQuery([user("What does Tisza Bot do?"), assistant("a1"), user(question)]);
    expect(after("where does it run?")).toBe("What does Tisza Bot do?\nwhere does it run?");
    expect(after("tell me more about that project")).toBe("What does Tisza Bot do?\ntell me more about that project");
    expect(after("and the data source?")).toBe("What does Tisza Bot do?\nand the data source?");
    expect(after("why?")).toBe("What does Tisza Bot do?\nwhy?");
  });
});

describe("needsEarlierTurns", () => {
  it("is false for a question that names its own topic, whatever its framing", () => {
    expect(needsEarlierTurns("What kind of ML work have you done?")).toBe(false);
    expect(needsEarlierTurns("Tell me about your Raspberry Pi cluster")).toBe(false);
  });

  it("is true for a question made only of framing (\"tell me more\", \"how?\")", () => {
    expect(needsEarlierTurns("tell me more")).toBe(true);
    expect(needsEarlierTurns("how?")).toBe(true);
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
