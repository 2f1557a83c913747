import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { isTopicalIn, listedTokensOf } from "./topicality";

const chunk = (id: string, documentUrl: string, title: string, body: string, tags?: string[]): Chunk => ({
  id, kind: "post", documentTitle: title.split(" › ")[0]!, documentUrl, url: `${documentUrl}#${id}`, anchor: id, title, date: "2024-01-01", text: `${title}\n\n${body}`, ...(tags ? { tags } : {}),
});

const chunks = [
  chunk("tips", "/blog/talk", "My first talk › Tips", "Put your contact details on the last slide."),
  chunk("demo", "/blog/talk", "My first talk › The demo", "The demo failed, then the demo worked.", ["speaking"]),
  chunk("more", "/blog/talk", "My first talk › After", "Four people emailed me about the demo and asked for my contact."),
  chunk("skills", "/resume", "Resume › Skills", "- **Data:** DuckDB, Polars, PostgreSQL with pgvector, SQL.\n\nI like tea, coffee when the day starts early and the slides are not done yet, and water."),
];

describe("isTopicalIn", () => {
  it("is false for a word its chunk mentions once, outside any title, heading, tag or list", () => {
    expect(isTopicalIn({ chunks, position: 0, tokens: ["contact"] })).toBe(false);
  });

  it("is true for a word in the chunk's title, headings or tags", () => {
    expect(isTopicalIn({ chunks, position: 0, tokens: ["talk"] })).toBe(true);
    expect(isTopicalIn({ chunks, position: 1, tokens: ["speak"] })).toBe(true);
  });

  it("is true for a word the chunk itself mentions at least twice", () => {
    expect(isTopicalIn({ chunks, position: 1, tokens: ["demo"] })).toBe(true);
  });

  it("is false for a word mentioned once in each of two sections: passing mentions do not add up across a document", () => {
    expect(isTopicalIn({ chunks, position: 2, tokens: ["contact"] })).toBe(false);
    expect(isTopicalIn({ chunks, position: 2, tokens: ["demo"] })).toBe(false);
  });

  it("is true for an item of a list of named things, mentioned once", () => {
    expect(isTopicalIn({ chunks, position: 3, tokens: ["pgvector"] })).toBe(true);
  });
});

describe("listedTokensOf", () => {
  it("reads the items of a labelled list line, not the words of a sentence with commas", () => {
    const listed = listedTokensOf("- **Data:** DuckDB, Polars, PostgreSQL with pgvector, SQL.\nI like tea, coffee when the day starts early and the slides are not done yet, and water.");
    expect(listed).toEqual(expect.arrayContaining(["duckdb", "polar", "postgresql", "pgvector", "sql"]));
    expect(listed).not.toContain("coffe");
    expect(listed).not.toContain("tea");
  });

  it("needs at least three items: a pair is not a list", () => {
    expect(listedTokensOf("Tools: Rust, Go")).toEqual([]);
  });
});
