import { describe, expect, it } from "vitest";
import { detailTokensOf, personalDetailsAskedIn } from "./personal-details";

describe("personalDetailsAskedIn", () => {
  it("finds the kind of detail a question asks the author for, owned by \"your\"", () => {
    expect(personalDetailsAskedIn("What is your email address?")).toEqual(["contact"]);
    expect(personalDetailsAskedIn("What's your home address?")).toEqual(["contact"]);
    expect(personalDetailsAskedIn("What is your daily rate for contract work?")).toEqual(["money"]);
    expect(personalDetailsAskedIn("What does your partner do for a living?")).toEqual(["family"]);
    expect(personalDetailsAskedIn("What's your e-mail?")).toEqual(["contact"]);
  });

  it("ignores detail words nobody's \"your\" owns, further than two words away, or as the first half of a compound", () => {
    expect(personalDetailsAskedIn("How did you address the latency?")).toEqual([]);
    expect(personalDetailsAskedIn("Does ékezet run on a phone?")).toEqual([]);
    expect(personalDetailsAskedIn("What did your address-matching service do?")).toEqual([]);
    expect(personalDetailsAskedIn("Was your first conference talk rate limited?")).toEqual([]);
  });
});

describe("detailTokensOf", () => {
  it("gives the indexed (stemmed) tokens of a kind's words, and none for an unknown kind", () => {
    expect(detailTokensOf("contact")).toEqual(expect.arrayContaining(["contact", "email", "phone", "address"]));
    expect(detailTokensOf("nothing")).toEqual([]);
  });
});
