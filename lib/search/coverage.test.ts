import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { lexicalSearchIndex } from "./build-index";
import { decideCoverage, informativenessOf, lexicalEvidence, MIN_TERM_WEIGHT } from "./coverage";
import { searchIndex } from "./search";

const chunk = (id: string, title: string, body: string, date = "2024-01-01", extra: Partial<Chunk> = {}): Chunk => ({
  id, kind: "post", documentTitle: title.split(" › ")[0]!, documentUrl: `/blog/${id}`, url: `/blog/${id}`, anchor: null, title, date, text: `${title}\n\n${body}`, ...extra,
});

const index = lexicalSearchIndex({
  model: "test",
  chunks: [
    chunk("k3s", "A k3s cluster › Why k3s", "Three Raspberry Pi boards run Kubernetes (k8s) through k3s, a small distribution."),
    chunk("ml", "Fraud models › Serving ML models", "I served machine learning (ML) models from Go with ONNX Runtime at a payments company."),
    chunk("lisbon", "A year in Lisbon › Breakfast", "Coffee at a counter and a pastry, every morning in Lisbon.", "2025-06-01"),
    chunk("duckdb", "A warehouse on a laptop › Phase 2", "We swapped Redshift for DuckDB and Parquet files on S3.", "2026-01-01"),
  ],
});

describe("decideCoverage", () => {
  it("covers a question whose topic words the writing holds, through the author's abbreviation", () => {
    const decision = decideCoverage({ index, query: "What kind of ML work have you done?" });
    expect(decision).toMatchObject({ covered: true, evidence: { terms: ["ml"], vocabulary: 1, bestUrl: "/blog/ml" } });
    expect(decision.topScore).toBeGreaterThan(0);
  });

  it("refuses a question whose topic words the writing never uses, saying so in its reason", () => {
    const decision = decideCoverage({ index, query: "What is the capital of France?" });
    expect(decision).toMatchObject({ covered: false, topScore: 0, evidence: { terms: ["capital", "france"], matched: [], vocabulary: 0 } });
    expect(decision.reason).toContain("no query vector");
  });

  it("refuses when the words that carry the question are missing, even if one incidental word matches", () => {
    expect(decideCoverage({ index, query: "Have you worked with Azure or Google Cloud in Lisbon?" }).covered).toBe(false);
  });

  it("covers a \"latest\" question from the dates alone", () => {
    expect(decideCoverage({ index, query: "What's the latest thing you wrote?" })).toMatchObject({ covered: true, reason: expect.stringContaining("newest") });
  });

  it("lets a close dense match cover a question, never uncover one", () => {
    const weak = "Do you play the cello?";
    expect(decideCoverage({ index, query: weak, denseTop: 0.8, denseMin: 0.6 }).covered).toBe(true);
    expect(decideCoverage({ index, query: weak, denseTop: 0.5, denseMin: 0.6 }).covered).toBe(false);
    expect(decideCoverage({ index, query: "Why k3s on Raspberry Pi?", denseTop: 0.1, denseMin: 0.6 }).covered).toBe(true);
  });

  it("leaves a question with a query vector but weak keywords to the model while no dense threshold is set", () => {
    const decision = decideCoverage({ index, query: "Do you play the cello?", denseTop: 0.2, denseMin: null });
    expect(decision.covered).toBe(true);
    expect(decision.reason).toContain("CHAT_DENSE_COVERED_MIN");
  });

  it("applies the thresholds it is given (the eval fits them)", () => {
    const query = "Coffee in Lisbon and the Kafka streams?";
    expect(decideCoverage({ index, query, thresholds: { evidence: 0, vocabulary: 0.5, topical: 0 } }).covered).toBe(true);
    expect(decideCoverage({ index, query, thresholds: { evidence: 0, vocabulary: 0.9, topical: 0 } }).covered).toBe(false);
  });

  it("refuses a question that rests only on a passing mention (\"contact\" once in a talk tip)", () => {
    const withTip = lexicalSearchIndex({
      model: "test",
      chunks: [
        chunk("talk", "My first talk › Tips", "Rehearse five times. Put your contact details on the last slide and leave it up."),
        chunk("rust", "A tracker in Rust › Why Rust", "Rust made the tracker fast; Rust's types caught the bugs."),
        chunk("cafe", "Lisbon › Coffee", "A bica at the counter, then work."),
      ],
    });
    expect(decideCoverage({ index: withTip, query: "How can I contact you?" })).toMatchObject({ covered: false, evidence: { vocabulary: 1, topical: 0 } });
    expect(decideCoverage({ index: withTip, query: "Have you written Rust?" })).toMatchObject({ covered: true, evidence: { topical: 1 } });
  });
});

describe("decideCoverage on personal details", () => {
  const site = (extra: Chunk[] = []) => lexicalSearchIndex({
    model: "test",
    chunks: [
      chunk("matching", "Work › Deliveries", "Built an address-matching service that fixed messy delivery addresses for couriers."),
      chunk("phone", "Moving › Paperwork", "I got a phone number, a tax number and a bank account in my first month."),
      chunk("team", "Work › The team", "My partner team in Lisbon ran the data platform."),
      ...extra,
    ],
  });

  it("refuses the author's contact details when the words only occur elsewhere (\"address\" in a service's name)", () => {
    const decision = decideCoverage({ index: site(), query: "What is your home address?" });
    expect(decision).toMatchObject({ covered: false, evidence: { unsupportedDetails: ["contact"] } });
    expect(decision.reason).toContain("contact details");
    expect(decideCoverage({ index: site(), query: "What's your phone number?" }).covered).toBe(false);
    expect(decideCoverage({ index: site(), query: "What does your partner do?" }).covered).toBe(false);
  });

  it("covers them once a place of the writing is named for them (a Contact page)", () => {
    const withContact = site([chunk("contact", "Contact", "Email me at ines@example.com; my phone is on request.")]);
    expect(decideCoverage({ index: withContact, query: "What is your email address?" })).toMatchObject({ covered: true, evidence: { unsupportedDetails: [] } });
  });

  it("leaves questions about the work alone, even when a detail word names part of it", () => {
    expect(decideCoverage({ index: site(), query: "What did your address-matching service do?" }).covered).toBe(true);
  });

  it("still lets a close dense match cover such a question", () => {
    expect(decideCoverage({ index: site(), query: "What is your home address?", denseTop: 0.9, denseMin: 0.6 }).covered).toBe(true);
  });
});

describe("informativenessOf", () => {
  it("weighs a word by how few chunks hold it, and a word in half of them or more at the floor", () => {
    expect(informativenessOf(1, 100)).toBeGreaterThan(informativenessOf(10, 100));
    expect(informativenessOf(10, 100)).toBeGreaterThan(informativenessOf(30, 100));
    expect(informativenessOf(50, 100)).toBe(MIN_TERM_WEIGHT);
    expect(informativenessOf(90, 100)).toBe(MIN_TERM_WEIGHT);
  });

  it("refuses a question whose only word the writing is about is one most sections carry (\"Lisbon\" on a Lisbon blog)", () => {
    const lisbonBlog = lexicalSearchIndex({
      model: "test",
      chunks: [
        chunk("flat", "Lisbon › Finding a flat", "Three months of viewings in Lisbon before a lease.", "2024-01-01", { tags: ["lisbon"] }),
        chunk("cafe", "Lisbon › Breakfast", "A bica and a pastry at the counter.", "2024-01-01", { tags: ["lisbon"] }),
        chunk("tram", "Tram 28 › Bunching", "Trams bunch on the hills of Lisbon.", "2024-01-01", { tags: ["lisbon"] }),
        chunk("lang", "Learning Portuguese › Listening", "The weather was the first small talk I understood, in Lisbon.", "2024-01-01", { tags: ["lisbon"] }),
        chunk("rust", "A tracker in Rust › Why Rust", "Rust made the tracker fast."),
        chunk("k3s", "A k3s cluster › Why k3s", "Three boards run k3s."),
      ],
    });
    expect(decideCoverage({ index: lisbonBlog, query: "What's the weather like in Lisbon today?" }).covered).toBe(false);
    expect(decideCoverage({ index: lisbonBlog, query: "How did you find a flat in Lisbon?" }).covered).toBe(true);
  });
});

describe("lexicalEvidence", () => {
  it("decides the same from the search's own BM25 ranking as from ranking again", () => {
    for (const query of ["What kind of ML work have you done?", "What is the capital of France?", "Coffee in Lisbon?", "Why k3s?"]) {
      const { bm25 } = searchIndex({ index, query });
      expect(bm25!.length > 0).toBe(!query.includes("France"));
      expect(decideCoverage({ index, query, bm25 })).toEqual(decideCoverage({ index, query }));
    }
  });

  it("scores a word in a heading above the same word mentioned once in a body", () => {
    const heading = lexicalEvidence({ index, query: "k3s" }).best!;
    const body = lexicalEvidence({ index, query: "Parquet" }).best!;
    expect(heading.score).toBeGreaterThan(body.score);
    expect(heading.score).toBeLessThanOrEqual(1);
  });
});
