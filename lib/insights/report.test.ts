import { describe, expect, it } from "vitest";
import { groupNearDuplicates } from "./group";
import { questionsPerDaySvg } from "./plot";
import { insightsMarkdown } from "./report";
import { summarizeInsights } from "./summarize";
import type { InsightEvent } from "./types";

const q = (id: string, question: string, at: string, extra: Partial<Extract<InsightEvent, { type: "question" }>> = {}): InsightEvent => ({
  type: "question", id, question, at, mode: "hybrid", rung: "groq", topScore: 0.5, covered: true, ...extra,
});
const events: InsightEvent[] = [
  q("1", "Do you play the cello?", "2026-11-29T09:00:00.000Z", { covered: false, rung: null, topScore: 0.01 }),
  q("2", "do you play cello", "2026-11-30T09:00:00.000Z", { covered: false, rung: null, topScore: 0.02 }),
  q("3", "What is Tisza Bot?", "2026-11-30T10:00:00.000Z", { mode: "lexical", rung: "extractive" }),
  q("4", "What is Tisza Bot?", "2026-11-30T11:00:00.000Z"),
  { type: "rating", id: "4", at: "2026-11-30T11:01:00.000Z", rating: "up" },
  { type: "rating", id: "4", at: "2026-11-30T11:02:00.000Z", rating: "down" },
  { type: "rating", id: "3", at: "2026-11-30T11:03:00.000Z", rating: "up" },
];

describe("groupNearDuplicates", () => {
  it("groups rewordings (case, punctuation, stop words) and keeps different topics apart", () => {
    const groups = groupNearDuplicates(["Do you play the cello?", "do you play cello", "Do you play football?"], (t) => t);
    expect(groups.map((g) => g.items.length)).toEqual([2, 1]);
  });
});

describe("insightsMarkdown", () => {
  it("lists the uncovered questions grouped under 'Not covered' and the newest rating's 'down' under 'Rated down'", () => {
    const markdown = insightsMarkdown({ summary: summarizeInsights(events), source: "test", generatedAt: new Date("2026-12-01T00:00:00Z") });
    const section = (name: string) => markdown.split(`## ${name}`)[1]!.split("\n## ")[0]!;
    expect(section("Not covered")).toMatch(/\| 2 \| Do you play the cello\? \(also: “do you play cello”\) \| 2026-11-30 09:00 \| 0\.020 \|/);
    expect(section("Not covered")).not.toContain("Tisza");
    expect(section("Rated down")).toContain("| What is Tisza Bot? | groq | hybrid | 0.500 | yes |");
    expect(section("Rated down").match(/Tisza/g)).toHaveLength(1); // q3 was rated up
    expect(section("Most asked")).toMatch(/\| 2 \| What is Tisza Bot\? \| 2\/2 \| 1 \| 1 \|/);
    expect(section("Modes and rungs over time")).toContain("| 2026-11-30 | 3 | 1 | 2 | 1 | 1 | 1 | 1 |");
  });

  it("attack: a question with a pipe and a newline cannot break the tables", () => {
    const markdown = insightsMarkdown({ summary: summarizeInsights([q("x", "a | b\n## Rated down", "2026-11-30T09:00:00.000Z", { covered: false })]), source: "t", generatedAt: new Date() });
    expect(markdown.match(/^## Rated down/gm)).toHaveLength(1);
    expect(markdown).toContain("a \\| b ## Rated down");
  });
});

describe("questionsPerDaySvg", () => {
  it("draws one stacked segment per day and rung, the not-covered count above, as well-formed SVG", () => {
    const svg = questionsPerDaySvg({ days: summarizeInsights(events).days, title: "4 questions" });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/data-day="2026-11-30"/g)).toHaveLength(3);
    expect(svg.match(/data-day="2026-11-29"/g)).toHaveLength(1);
    expect(svg).toContain('fill="#a00">1</text>');
  });
});
