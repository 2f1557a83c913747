import { describe, expect, it } from "vitest";
import { lexicalQueryOf, topicWordsOf } from "./query-terms";

describe("lexicalQueryOf", () => {
  const abbreviations = [{ short: "ml", long: "machine learning" }];

  it("keeps question framing out of what BM25 matches (\"what kind of … work have you done\")", () => {
    expect(lexicalQueryOf({ query: "What kind of ML work have you done?", abbreviations })).toBe("ml machine learning");
    expect(lexicalQueryOf({ query: "Tell me about your Raspberry Pi cluster", abbreviations: [] })).toBe("raspberry pi cluster");
  });

  it("keeps the framing when it is all the question has, so it still matches something", () => {
    expect(lexicalQueryOf({ query: "Where did you work?", abbreviations: [] })).toBe("work");
  });

  it("adds the author's section label an everyday word stands for (\"study\" → \"education\")", () => {
    const labels = [{ word: "study", label: "education" }, { word: "master", label: "msc" }];
    expect(lexicalQueryOf({ query: "Where did you study?", abbreviations: [], labels })).toBe("study study study education education");
    expect(lexicalQueryOf({ query: "What was your master's thesis about?", abbreviations: [], labels })).toBe("master thesis master thesis master thesis msc msc");
    expect(lexicalQueryOf({ query: "Where did you study?", abbreviations: [] })).toBe("study");
  });

  it("reads a present-time phrase as framing, not a topic, and as the resume's \"present\" (\"what do you do for work these days?\")", () => {
    const labels = [{ word: "work", label: "experience" }, { word: "nowadays", label: "present" }];
    expect(lexicalQueryOf({ query: "What do you do for work these days?", abbreviations: [], labels })).toBe("work work work experience present experience present");
    expect(topicWordsOf("What do you do for work these days?")).toEqual(["work"]);
    expect(topicWordsOf("How many days did the Camino take?")).toContain("days");
  });
});

describe("a question about the author", () => {
  it("reads a question of nothing but stop words about \"you\" as asking about the author, and finds their summary", () => {
    const labels = [{ word: "yourself", label: "summary" }];
    expect(topicWordsOf("Who are you?")).toEqual(["yourself"]);
    expect(lexicalQueryOf({ query: "What do you do?", abbreviations: [], labels })).toBe("summary summary");
    expect(topicWordsOf("Is it fast?")).toEqual(["fast"]);
    expect(topicWordsOf("Why?")).toEqual([]);
  });
});

describe("topicWordsOf", () => {
  it("drops stop words, framing and single letters (\"what's\" → \"s\")", () => {
    expect(topicWordsOf("What's the capital of France?")).toEqual(["capital", "france"]);
    expect(topicWordsOf("Have you used Terraform?")).toEqual(["terraform"]);
  });
});

describe("label weight", () => {
  it("never lets an everyday word's label outrank the question's own topic word in BM25", async () => {
    const { lexicalSearchIndex } = await import("./build-index");
    const { rankLexical } = await import("./search");
    const chunk = (id: string, title: string, body: string) => ({ id, kind: "post" as const, documentTitle: title.split(" › ")[0]!, documentUrl: `/blog/${id}`, url: `/blog/${id}`, anchor: null, title, date: "2024-01-01", text: `${title}\n\n${body}` });
    const index = lexicalSearchIndex({ model: "t", chunks: [
      chunk("skills", "Resume › Skills", "Python, Go, Terraform, Grafana."),
      chunk("monitoring", "Homelab › Monitoring", "Prometheus scrapes every node; Grafana shows the monitoring dashboards."),
      chunk("travel", "Travel › Trains", "Night trains across Europe."),
    ] });
    expect(index.chunks[rankLexical({ index, query: "What tools do you use for monitoring?" })[0]!]!.id).toBe("monitoring");
    expect(index.chunks[rankLexical({ index, query: "What tools do you use?" })[0]!]!.id).toBe("skills");
  });
});
