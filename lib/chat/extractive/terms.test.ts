import { describe, expect, it } from "vitest";
import { contentTerms } from "./terms";

describe("contentTerms", () => {
  it("keeps the topic of a question and drops its frame", () => {
    expect(contentTerms("What kind of ML work have you done?")).toEqual(["ml", "work"]);
  });

  it("drops what is left of contractions, so \"what's\" never matches \"it's\"", () => {
    expect(contentTerms("What's the latest thing you've written? I don't know")).toEqual(["written"]);
  });

  it("folds accents and stems, so a question meets the text's own forms", () => {
    expect(contentTerms("ékezet projects")).toEqual(contentTerms("Ekezet project"));
  });
});
