import { describe, expect, it } from "vitest";
import type { Chunk } from "../chunk/types";
import { labelExpansionsOf, labelsForWords } from "./everyday-labels";

const chunk = (id: string, title: string, body: string): Chunk => ({
  id, kind: "resume", documentTitle: "Resume", documentUrl: "/resume", url: `/resume#${id}`, anchor: id, title, date: "2024-01-01", text: `${title}\n\n${body}`,
});

const chunks = [
  chunk("education", "Resume › Education › MSc in Computer Science — BME, 2016–2018", "Thesis on anomaly detection."),
  chunk("talks", "Resume › Talks", "Three talks at meetups."),
];

describe("labelExpansionsOf", () => {
  it("keeps only the labels the author's own titles and headings use", () => {
    const labels = new Set(labelExpansionsOf(chunks).map((e) => e.label));
    expect(labels).toEqual(new Set(["education", "msc", "talks"]));
  });
});

describe("labelsForWords", () => {
  it("turns a visitor's everyday word into the author's label", () => {
    const expansions = labelExpansionsOf(chunks);
    expect(labelsForWords(["where", "did", "you", "study"], expansions)).toEqual(["education"]);
    expect(labelsForWords(["master's thesis"], expansions)).toEqual(["msc"]);
    expect(labelsForWords(["awards"], expansions)).toEqual([]);
  });
});
