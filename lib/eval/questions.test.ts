import { describe, expect, it } from "vitest";
import { chunkDocuments } from "@/lib/chunk/chunk-document";
import { loadAllDocuments } from "@/lib/content/load";
import { FOLLOW_UP_USER_TURNS } from "@/lib/chat/conversation";
import { loadQuestions, retrievalQueryOf } from "./questions";
import { QUESTION_TYPES } from "./types";

/** The brief asks for at least this many labelled questions: enough that one question moves a mean by about 2%. */
const MIN_QUESTIONS = 45;

describe("loadQuestions", () => {
  const questions = loadQuestions();

  it("holds enough questions, with every question type represented", () => {
    expect(questions.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
  });

  it("labels only URLs of chunks in the current chunking of content/", () => {
    const chunkUrls = new Set(chunkDocuments(loadAllDocuments()).map((chunk) => chunk.url));
    const stale = questions.flatMap((q) => q.expected.filter((url) => !chunkUrls.has(url)).map((url) => `${q.id}: ${url}`));
    expect(stale).toEqual([]);
  });
});

describe("retrievalQueryOf", () => {
  it("uses a first question exactly as typed", () => {
    expect(retrievalQueryOf({ id: "q", type: "resume", question: "Where did you study?", expected: ["/resume"] })).toBe("Where did you study?");
  });

  it("folds a follow-up's history in the way the chat route does, dropping turns past its window", () => {
    const history = ["oldest", ...Array.from({ length: FOLLOW_UP_USER_TURNS }, (_, i) => `turn ${i}`)];
    const query = retrievalQueryOf({ id: "q", type: "follow-up", question: "and then?", history, expected: ["/x"] });
    expect(query).not.toContain("oldest");
    expect(query.split("\n")).toEqual([...history.slice(1), "and then?"]);
  });
});
