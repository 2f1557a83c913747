import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { buildBm25, rankByBm25 } from "./bm25";
import { BODY_WEIGHT, fieldsOfChunk, HEADINGS_WEIGHT, TAGS_WEIGHT, TITLE_WEIGHT } from "./bm25-fields";

const chunk = (over: Partial<Chunk> & Pick<Chunk, "id" | "title" | "text">): Chunk => ({
  kind: "post", documentTitle: over.title.split(" › ")[0]!, documentUrl: `/blog/${over.id}`, url: `/blog/${over.id}`, anchor: null, date: "2024-01-01", ...over,
});

describe("fieldsOfChunk", () => {
  it("splits title, headings (merged ones too), tags and a body without the heading line", () => {
    const fields = fieldsOfChunk(chunk({ id: "a", title: "Hello › What I'll write about", text: "Hello › What I'll write about\n\nThree buckets.", tags: ["machine-learning"], mergedHeadings: ["About the cat"] }));
    expect(fields).toEqual({ title: "Hello", headings: "What I'll write about About the cat", tags: "machine-learning", body: "Three buckets." });
  });
});

describe("field weights", () => {
  it("weigh a heading above a title, a title above a tag, a tag no lower than a body mention", () => {
    expect(HEADINGS_WEIGHT).toBeGreaterThan(TITLE_WEIGHT);
    expect(TITLE_WEIGHT).toBeGreaterThan(TAGS_WEIGHT);
    expect(TAGS_WEIGHT).toBeGreaterThanOrEqual(BODY_WEIGHT);
  });

  it("put the chunk whose heading names the word above chunks that only tag it or mention it in passing", () => {
    const filler = "Some words about other things, repeated so every body has the same length.";
    const chunks = [
      chunk({ id: "body", title: "Notes › Misc", text: `Notes › Misc\n\n${filler} Rust came up once.` }),
      chunk({ id: "heading", title: "Tracker › Why Rust", text: `Tracker › Why Rust\n\n${filler} It was fast enough.` }),
      chunk({ id: "tag", title: "Bot › Intro", text: `Bot › Intro\n\n${filler} A small bot.`, tags: ["rust"] }),
    ];
    const ranked = rankByBm25({ engine: buildBm25(chunks.map(fieldsOfChunk)), query: "rust", limit: 3 });
    expect(ranked.map((i) => chunks[i]!.id)[0]).toBe("heading");
    expect(ranked.map((i) => chunks[i]!.id).sort()).toEqual(["body", "heading", "tag"]);
  });
});
