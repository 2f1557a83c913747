import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { suggestFollowUps } from "./follow-ups";

const chunk = (documentUrl: string, documentTitle: string, anchor: string | null, section: string): Chunk => ({
  id: `${documentUrl}#${anchor ?? ""}`, kind: "post", documentTitle, documentUrl, url: anchor ? `${documentUrl}#${anchor}` : documentUrl, anchor,
  title: anchor ? `${documentTitle} › ${section}` : documentTitle, date: "2026-01-01", text: section,
});
const chunks = [
  chunk("/blog/a", "Post A", null, "intro"), chunk("/blog/a", "Post A", "one", "One"), chunk("/blog/a", "Post A", "two", "Two"), chunk("/blog/a", "Post A", "two", "Two"),
  chunk("/blog/a", "Post A", "three", "Three"), chunk("/blog/b", "Post B", "uno", "Uno"), chunk("/blog/c", "Post C", "x", "X"),
];

describe("suggestFollowUps", () => {
  it("offers unused sections of the sources' documents in turn, best source first, never the intro or a used or repeated section", () => {
    expect(suggestFollowUps({ chunks, sources: [{ url: "/blog/a#one" }, { url: "/blog/b" }] })).toEqual([
      "What about “Two” in Post A?",
      "What about “Uno” in Post B?",
      "What about “Three” in Post A?",
    ]);
  });

  it("asks about a section name once, even when two documents have it", () => {
    const twoWhys = [chunk("/blog/a", "Post A", "why", "Why"), chunk("/blog/b", "Post B", "why", "Why"), chunk("/blog/b", "Post B", "how", "How")];
    expect(suggestFollowUps({ chunks: twoWhys, sources: [{ url: "/blog/a" }, { url: "/blog/b" }] })).toEqual(["What about “Why” in Post A?", "What about “How” in Post B?"]);
  });

  it("gives none when the sources' documents have no other section, and none without sources", () => {
    expect(suggestFollowUps({ chunks, sources: [{ url: "/blog/c#x" }] })).toEqual([]);
    expect(suggestFollowUps({ chunks, sources: [] })).toEqual([]);
  });
});
