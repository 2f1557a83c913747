import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_VISITORS_KEY } from "../chat/client-identity";
import { MAX_RECORDED_QUESTION_CHARS } from "./constants";
import { capQuestion, createInsightRecorder } from "./record";
import { createFileInsightStore, createLogInsightStore, parseInsightLines, readFileInsights } from "./stores";

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "insights-")), ".data", "insights.jsonl");
const facts = { id: "q1", question: "What is Tisza Bot?", mode: "hybrid" as const, rung: "groq", topScore: 0.41, covered: true };

describe("createInsightRecorder", () => {
  it("appends a question and a rating to a JSONL file, creating its folder, and reads them back", async () => {
    const file = tempFile();
    const recorder = createInsightRecorder({ store: createFileInsightStore({ file }), now: () => new Date("2026-11-30T10:00:00Z") });
    await recorder.recordQuestion({ ...facts, clientKey: "203.0.113.9" });
    await recorder.recordRating({ id: "q1", rating: "down" });
    const events = readFileInsights({ file });
    expect(events).toEqual([
      { type: "question", at: "2026-11-30T10:00:00.000Z", ...facts, visitor: expect.stringMatching(/^[0-9a-f]{12}$/) },
      { type: "rating", id: "q1", at: "2026-11-30T10:00:00.000Z", rating: "down" },
    ]);
  });

  it("privacy: stores no address, user agent or cookie; the visitor hash groups one day and changes the next", async () => {
    const lines: string[] = [];
    let now = new Date("2026-11-30T10:00:00Z");
    const recorder = createInsightRecorder({ store: createLogInsightStore({ log: (line) => lines.push(line) }), now: () => now });
    await recorder.recordQuestion({ ...facts, clientKey: "203.0.113.9" });
    await recorder.recordQuestion({ ...facts, id: "q2", clientKey: "203.0.113.9" });
    now = new Date("2026-12-01T10:00:00Z");
    await recorder.recordQuestion({ ...facts, id: "q3", clientKey: "203.0.113.9" });
    expect(lines.join("\n")).not.toContain("203.0.113");
    const [a, b, c] = parseInsightLines(lines).map((e) => (e.type === "question" ? e.visitor : undefined));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("gives no visitor hash to the key every untold-apart visitor shares, so they are not counted as one visitor", async () => {
    const file = tempFile();
    const recorder = createInsightRecorder({ store: createFileInsightStore({ file }) });
    await recorder.recordQuestion({ ...facts, clientKey: ALL_VISITORS_KEY });
    await recorder.recordQuestion({ ...facts, id: "q2", clientKey: "203.0.113.9" });
    const [shared, known] = readFileInsights({ file }) as Array<{ visitor?: string }>;
    expect(shared).not.toHaveProperty("visitor");
    expect(known?.visitor).toMatch(/^[0-9a-f]{12}$/);
  });

  it("caps a pasted essay to the recorded length and folds its whitespace", () => {
    expect(capQuestion("  what\n\nabout   this ")).toBe("what about this");
    expect(capQuestion("x".repeat(5_000))).toHaveLength(MAX_RECORDED_QUESTION_CHARS);
  });

  it("never throws at the chat when the store fails: it logs and goes on", async () => {
    const warnings: string[] = [];
    const recorder = createInsightRecorder({ store: { kind: "file", append: async () => Promise.reject(new Error("EROFS: read-only file system")) }, log: (m) => warnings.push(m) });
    await expect(recorder.recordQuestion(facts)).resolves.toBeUndefined();
    expect(warnings[0]).toMatch(/could not record a question \(EROFS/);
  });
});

describe("parseInsightLines", () => {
  it("reads bare events and Vercel log lines with a prefix, and skips junk and foreign JSON", () => {
    const event = { type: "rating", id: "q1", at: "2026-11-30T10:00:00.000Z", rating: "up" };
    const lines = [JSON.stringify(event), `2026-11-30T10:00:00Z info ${JSON.stringify({ insight: event })}`, "not json", '{"type":"question"}', ""];
    expect(parseInsightLines(lines)).toEqual([event, event]);
  });
});
