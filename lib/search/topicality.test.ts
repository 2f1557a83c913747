import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { isTopicalIn } from "./topicality";

const chunk = (id: string, documentUrl: string, title: string, body: string, tags?: string[]): Chunk => ({
  id, kind: "post", documentTitle: title.split(" › ")[0]!, documentUrl, url: `${documentUrl}#${id}`, anchor: id, title, date: "2024-01-01", text: `${title}\n\n${body}`, ...(tags ? { tags } : {}),
});

const chunks = [
  chunk("tips", "/blog/talk", "My first talk › Tips", "Put your contact details on the last slide."),
  chunk("demo", "/blog/talk", "My first talk › The demo", "The demo failed, then the demo worked.", ["speaking"]),
  chunk("more", "/blog/talk", "My first talk › After", "Four people emailed me about the demo."),
];

describe("isTopicalIn", () => {
  it("is false for a word its document mentions once, outside any title, heading or tag", () => {
    expect(isTopicalIn({ chunks, position: 0, tokens: ["contact"] })).toBe(false);
  });

  it("is true for a word in the chunk's title, headings or tags", () => {
    expect(isTopicalIn({ chunks, position: 0, tokens: ["talk"] })).toBe(true);
    expect(isTopicalIn({ chunks, position: 1, tokens: ["speak"] })).toBe(true);
  });

  it("is true for a word the document mentions at least twice, in any of its chunks", () => {
    expect(isTopicalIn({ chunks, position: 2, tokens: ["demo"] })).toBe(true);
  });
});
