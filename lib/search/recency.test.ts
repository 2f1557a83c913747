import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { RECENCY_DOCUMENTS } from "./constants";
import { asksForRecent, rankByRecency } from "./recency";

const chunk = (documentUrl: string, kind: Chunk["kind"], date: string): Chunk => ({ id: `${documentUrl}#`, kind, documentTitle: documentUrl, documentUrl, url: documentUrl, anchor: null, title: documentUrl, date, text: "" });

describe("rankByRecency", () => {
  const chunks = [
    chunk("/blog/a", "post", "2023-01-01"),
    chunk("/blog/b", "post", "2025-06-01"),
    chunk("/blog/b", "post", "2025-06-01"), // second chunk of b: only the first counts
    chunk("/projects/p", "project", "2026-01-01"),
    chunk("/resume", "resume", "2027-01-01"),
    chunk("/blog/c", "post", "2024-03-01"),
    chunk("/blog/d", "post", "2024-03-01"), // same day as c: the earlier chunk first
    chunk("/blog/x", "post", "not a date"),
  ];

  it("gives the first chunk of the newest documents, newest first, never the resume; ties by position", () => {
    expect(RECENCY_DOCUMENTS).toBe(3);
    expect(rankByRecency(chunks, "what's the latest?")).toEqual([3, 1, 5]);
  });

  it("keeps projects for built/project questions and posts for wrote/post questions", () => {
    expect(rankByRecency(chunks, "latest project you built")).toEqual([3]);
    expect(rankByRecency(chunks, "latest post you wrote")).toEqual([1, 5, 6]);
  });

  it("puts an undated document last", () => {
    expect(rankByRecency([chunk("/blog/x", "post", "?"), chunk("/blog/a", "post", "2020-01-01")], "latest post")).toEqual([1, 0]);
  });
});

describe("asksForRecent", () => {
  it("is true for latest, recent and newest, and for 'now' words beside work made or written", () => {
    for (const question of ["What's the latest thing you wrote?", "What's your newest project?", "Anything recent?", "What are you currently working on?", "What are you writing these days?"]) {
      expect(asksForRecent(question), question).toBe(true);
    }
  });

  it("is false for a question about the present that names no work made or written ('what do you do these days?')", () => {
    for (const question of ["What do you do for work these days?", "Where do you currently live?", "What do you do nowadays?"]) {
      expect(asksForRecent(question), question).toBe(false);
    }
  });
});
