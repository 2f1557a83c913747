import { describe, expect, it } from "vitest";
import { expandAbbreviations, learnAbbreviations } from "./abbreviations";

describe("learnAbbreviations", () => {
  it("learns a long form written before its abbreviation: \"machine learning (ML)\"", () => {
    expect(learnAbbreviations(["I moved into machine learning (ML) in 2016."])).toEqual([{ short: "ml", long: "machine learning" }]);
  });

  it("learns an abbreviation written before its long form: \"RAG (retrieval-augmented generation)\"", () => {
    expect(learnAbbreviations(["We added RAG (retrieval augmented generation) to search."])).toEqual([{ short: "rag", long: "retrieval augmented generation" }]);
  });

  it("learns a numeronym from the word it counts: \"Kubernetes (k8s)\"", () => {
    expect(learnAbbreviations(["The cluster runs Kubernetes (k8s) on three boards."])).toEqual([{ short: "k8s", long: "kubernetes" }]);
  });

  it("learns a project's short name from its initials: \"Tram Bunching Tracker (TBT)\"", () => {
    expect(learnAbbreviations(["I built the Tram Bunching Tracker (TBT) in Rust."])).toEqual([{ short: "tbt", long: "tram bunching tracker" }]);
  });

  it("pairs an acronym in capitals with its Title Case words in one text, when those words recur elsewhere", () => {
    const texts = ["I joined as a Machine Learning Engineer and became Senior ML Engineer.", "Courses in machine learning and distributed systems."];
    expect(learnAbbreviations(texts)).toEqual([{ short: "ml", long: "machine learning" }]);
  });

  it("ignores parentheses that hold a word, a year or a note, and initials that happen to match once", () => {
    const texts = ["graded 5 (excellent)", "Parquet on S3 (2024)", "the delivery-time (ETA) model", "a 2 MB model beats the old one", "Stream Mining Lab at BME"];
    expect(learnAbbreviations(texts)).toEqual([]);
  });
});

describe("expandAbbreviations", () => {
  const table = [{ short: "ml", long: "machine learning" }];

  it("adds the long form to a query that uses the abbreviation", () => {
    expect(expandAbbreviations("What kind of ML work have you done?", table)).toBe("What kind of ML work have you done? machine learning");
  });

  it("adds the abbreviation to a query that spells it out", () => {
    expect(expandAbbreviations("Machine learning projects?", table)).toBe("Machine learning projects? ml");
  });

  it("leaves a query without either form unchanged, and never matches inside a word", () => {
    expect(expandAbbreviations("Tell me about HTML forms", table)).toBe("Tell me about HTML forms");
  });
});
