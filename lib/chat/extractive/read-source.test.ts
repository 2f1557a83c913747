import { describe, expect, it } from "vitest";
import { readSourceBlocks } from "./read-source";

const text = (...blocks: string[]) => blocks.join("\n\n");

describe("readSourceBlocks", () => {
  it("never returns the heading path that opens each passage", () => {
    const blocks = readSourceBlocks(text("Doc › Setup", "I set it up in an afternoon.") + "\n\n…\n\n" + text("Doc › Setup", "Then it ran for a year."));
    expect(blocks).toEqual([{ type: "prose", sentences: ["I set it up in an afternoon."] }, { type: "prose", sentences: ["Then it ran for a year."] }]);
  });

  it("leaves out the intro's Tags and Technologies lines but keeps the excerpt", () => {
    const longTags = "Tags: retrieval-augmented-generation, homelab, ollama, evaluation, raspberry-pi, bm25, embeddings.";
    const blocks = readSourceBlocks(text("Doc", "A short excerpt about the post.", "Technologies: Go, Rust, SQLite, the Mastodon API, systemd timers and a Raspberry Pi 4.", longTags, "The body starts here."));
    expect(JSON.stringify(blocks)).not.toMatch(/Tags:|Technologies:/);
    expect(blocks.flatMap((b) => (b.type === "prose" ? b.sentences : []))).toEqual(["A short excerpt about the post.", "The body starts here."]);
  });

  it("leaves out the heading line a merged section carries, question headings included", () => {
    const blocks = readSourceBlocks(text("Doc › Work", "Work went well.", "What didn't go well?", "Languages: DIPLE passed", "I passed the exam."));
    expect(blocks.flatMap((b) => (b.type === "prose" ? b.sentences : []))).toEqual(["Work went well.", "I passed the exam."]);
  });

  it("skips code blocks, shell and config alike", () => {
    const blocks = readSourceBlocks(text("Doc › Bootstrap", "#!/usr/bin/env bash\nset -euo pipefail", "SERVER=bica\nAGENTS=(galao garoto)", "torch.onnx.export(\n    model, dummy_input,\n)", "The script takes ten minutes."));
    expect(blocks).toEqual([{ type: "prose", sentences: ["The script takes ten minutes."] }]);
  });

  it("reads a list with the sentence ending in a colon before it as its lead", () => {
    const blocks = readSourceBlocks(text("Doc › Rehearsals", "It took a while. I rehearsed nine times:", "- three times alone\n- twice for colleagues"));
    expect(blocks).toEqual([
      { type: "prose", sentences: ["It took a while."] },
      { type: "list", lead: "I rehearsed nine times:", items: ["three times alone", "twice for colleagues"] },
    ]);
  });

  it("reads a table as a header and rows, an empty first header cell included", () => {
    const blocks = readSourceBlocks(text("Doc › Results", " | Before | After\nCost | €3,900 | €640\nBuild | 26 min | 11 min"));
    expect(blocks).toEqual([{ type: "table", header: ["", "Before", "After"], rows: [["Cost", "€3,900", "€640"], ["Build", "26 min", "11 min"]] }]);
  });

  it("drops the last sentence of a passage the context packer cut short with …", () => {
    const blocks = readSourceBlocks(text("Doc › Long", "First whole sentence here. Second sentence was cut in the mid…"));
    expect(blocks).toEqual([{ type: "prose", sentences: ["First whole sentence here."] }]);
  });
});
