import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chunkDocuments } from "../../chunk/chunk-document";
import { loadPosts, loadProjects, loadResume } from "../../content/load";
import { lexicalSearchIndex } from "../../search/build-index";
import { packContext } from "../../search/pack-context";
import { searchIndex } from "../../search/search";
import type { NumberedSource } from "../types";
import { EXTRACTIVE_MAX_CHARS } from "./constants";
import { messagesFor } from "./testing";
import { EXTRACTIVE_LABEL, writeExtractiveAnswer } from "./write-answer";

// Every answer over the sample content: the questions of the eval, retrieved as the route
// retrieves them (lexically), and every chunk of content/ in turn as a top source.
const documents = [...loadPosts(), ...loadProjects(), ...[loadResume()].filter((r) => r !== null)];
const chunks = chunkDocuments(documents);
const index = lexicalSearchIndex({ chunks, model: "bge-m3" });
const questions = (JSON.parse(readFileSync("eval/questions.json", "utf8")) as { questions: Array<{ question: string; history?: string[] }> }).questions;

function check(answer: string, sources: NumberedSource[]): void {
  expect(answer.length).toBeLessThanOrEqual(EXTRACTIVE_MAX_CHARS);
  expect(answer).not.toMatch(/Tags:|Technologies:| › /);
  const cited = [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  for (const n of cited) expect(sources.map((s) => s.n)).toContain(n);
  if (sources.length > 0) expect(answer.split(EXTRACTIVE_LABEL)).toHaveLength(2);
  // Whole units only: every quoted paragraph (or a list's lead line) ends in its citation, and nothing cut short ("…") is quoted.
  const quoted = sources.length > 0 ? answer.split("\n\n").slice(0, -1) : [];
  for (const paragraph of quoted) expect(/\]\.?$/.test(paragraph) || paragraph.split("\n")[0]!.endsWith("]")).toBe(true);
  expect(answer).not.toMatch(/… \[\d+\]/);
}

describe("writeExtractiveAnswer over content/", () => {
  it("answers every eval question within 900 characters, without Tags, headings or foreign citations", () => {
    expect(questions.length).toBeGreaterThan(40);
    for (const { question, history = [] } of questions) {
      const turns = [...history, question];
      const { sources } = packContext({ results: searchIndex({ index, query: turns.join("\n") }).results });
      check(writeExtractiveAnswer({ messages: messagesFor(...turns), sources }), sources);
    }
  });

  it("quotes every chunk of content/ as a top source within the same limits", () => {
    const asked = questions.slice(0, 6).map((q) => q.question);
    for (let start = 0; start < chunks.length; start++) {
      const { sources } = packContext({ results: chunks.slice(start, start + 4).map((chunk, i) => ({ rank: i + 1, chunk, score: 1, bm25Rank: null, denseRank: null })) });
      for (const question of asked) check(writeExtractiveAnswer({ messages: messagesFor(question), sources }), sources);
    }
  });
});
