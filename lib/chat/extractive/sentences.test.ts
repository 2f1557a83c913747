import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("splits prose into trimmed sentences", () => {
    expect(splitSentences("I moved to Lisbon in 2022. It rains less! Does it? Yes.")).toEqual(["I moved to Lisbon in 2022.", "It rains less!", "Does it?", "Yes."]);
  });

  it("keeps a sentence whole across an abbreviation such as e.g.", () => {
    expect(splitSentences("I use small tools, e.g. Go and Rust. Then I ship.")).toEqual(["I use small tools, e.g. Go and Rust.", "Then I ship."]);
  });

  it("rejoins a lower-case remainder after a quoted question inside a sentence", () => {
    expect(splitSentences('The graph answered "what breaks?" in seconds, a real win. Next one.')).toEqual(['The graph answered "what breaks?" in seconds, a real win.', "Next one."]);
  });
});
