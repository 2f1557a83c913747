import { describe, expect, it } from "vitest";
import { EXTRACTIVE_MAX_CHARS } from "./constants";
import { sourceOf, messagesFor } from "./testing";
import { EXTRACTIVE_LABEL, NOTHING_TO_QUOTE, writeExtractiveAnswer } from "./write-answer";

const citedNumbers = (answer: string) => [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

const homelab = sourceOf({ n: 1, title: "A three-Pi cluster › What broke in the first month", blocks: [
  "Everything that could break did, once:",
  "- Power. The 60 W hub could not supply the Pi 5 at full load.\n- SD cards. Prometheus's write pattern killed the card in 17 days.\n- Clock skew. One node booted without network and picked a time from 2023.\n- Me. I deleted the monitoring namespace in the wrong terminal.",
] });
const results = sourceOf({ n: 2, title: "Serving models › Results", blocks: [
  "Metric | Flask + PyTorch | Go + ONNX Runtime\np50 latency | 14 ms | 2.1 ms\np99 latency | 41 ms | 8 ms\nMemory per pod | 1.6 GB | 140 MB",
] });
const intro = sourceOf({ n: 3, title: "Teaching the chat", blocks: ["The newest thing I've built: a chat that answers from my posts.", "Tags: rag, homelab, ollama", "Since September, this site has a chat box that cites its sources."] });

describe("writeExtractiveAnswer", () => {
  it("keeps a list a list: its answering items as markdown items under their lead", () => {
    const answer = writeExtractiveAnswer({ messages: messagesFor("What broke in the homelab in the first month?"), sources: [homelab] });
    expect(answer).toMatch(/^Everything that could break did, once: \[1\]\n- /);
    expect(answer.split("\n").filter((line) => line.startsWith("- ")).length).toBeGreaterThanOrEqual(2);
  });

  it("turns a table into a few short rows, each with its column names", () => {
    const answer = writeExtractiveAnswer({ messages: messagesFor("What was the p99 latency and the memory per pod?"), sources: [results] });
    expect(answer).toContain("- **p99 latency** — Flask + PyTorch: 41 ms; Go + ONNX Runtime: 8 ms");
    expect(answer).not.toContain(" | ");
  });

  it("leaves out a table too wide to read as rows", () => {
    const wide = sourceOf({ n: 1, title: "Hosts", blocks: ["Host | A | B | C | D | E | F\nbica | 1 | 2 | 3 | 4 | 5 | 6\ngalao | 1 | 2 | 3 | 4 | 5 | 6", "Three hosts named bica, galao and garoto run the cluster."] });
    const answer = writeExtractiveAnswer({ messages: messagesFor("What is bica?"), sources: [wide] });
    expect(answer).not.toContain("|");
    expect(answer).toContain("Three hosts named bica");
  });

  it("never quotes the heading path, a Tags line or a Technologies line", () => {
    const project = sourceOf({ n: 4, title: "Tisza Bot", blocks: ["A Telegram bot that posts the Tisza's water level.", "Technologies: Go, Telegram", "Tisza Bot is about 600 lines of Go."] });
    const answer = writeExtractiveAnswer({ messages: messagesFor("What are the tags and technologies of Tisza Bot and the chat?"), sources: [intro, project] });
    expect(answer).not.toMatch(/Tags:|Technologies:|Teaching the chat\n|›/);
  });

  it("picks sentences for the question's topic, not its framing (\"what kind of ML work\" is about ML, not work)", () => {
    const chatter = sourceOf({ n: 1, title: "Hello again", blocks: ["Work things, mostly, and the work around the work: I write about work."] });
    const role = sourceOf({ n: 2, title: "Resume › Kestrel Pay", blocks: ["I served ML models for fraud scoring as a Machine Learning Engineer."] });
    const answer = writeExtractiveAnswer({ messages: messagesFor("What kind of ML work have you done?"), sources: [chatter, role] });
    expect(answer.split("\n\n")[0]).toContain("I served ML models");
  });

  it("finds the section an everyday word names through the author's label (\"where did you study?\" → Education)", () => {
    const mention = sourceOf({ n: 1, title: "Why I built the chat", blocks: ["People asked me by email where I studied and what I worked on, so I built this chat.", "Some had studied my talks; others studied the homelab posts."] });
    const degree = sourceOf({ n: 2, title: "Resume › Education › MSc in Computer Science — BME, 2016–2018", blocks: ["Thesis on streaming anomaly detection, graded excellent."] });
    const answer = writeExtractiveAnswer({ messages: messagesFor("Where did you study?"), sources: [mention, degree] });
    expect(answer).toContain("Thesis on streaming anomaly detection, graded excellent. [2]");
  });

  it("answers a latest question with the newest item's title and date, then the ones before", () => {
    const older = sourceOf({ n: 1, title: "2025 in review", blocks: ["I write one of these every January."], date: "2026-01-04", kind: "post", documentTitle: "2025 in review", url: "/blog/2025-in-review" });
    const newest = { ...intro, n: 2, date: "2026-10-11T09:30:00.000Z", kind: "post" as const, documentTitle: "Teaching the chat", url: "/blog/teaching" };
    const answer = writeExtractiveAnswer({ messages: messagesFor("What's the latest thing you wrote?"), sources: [older, newest] });
    expect(answer).toMatch(/^My most recent post is \*\*Teaching the chat\*\*, from 11 October 2026 \[2\]\./);
    expect(answer).toContain("Before that: **2025 in review** (4 January 2026) [1].");
  });

  it("shows the label exactly once, at the end", () => {
    const answer = writeExtractiveAnswer({ messages: messagesFor("What broke in the first month?"), sources: [homelab, results, intro] });
    expect(answer.split(EXTRACTIVE_LABEL)).toHaveLength(2);
    expect(answer.endsWith(`_${EXTRACTIVE_LABEL}_`)).toBe(true);
  });

  it("cites only the numbers of the sources it was given", () => {
    const sources = [{ ...homelab, n: 3 }, { ...results, n: 7 }];
    const answer = writeExtractiveAnswer({ messages: messagesFor("What broke, and what was the p99 latency?"), sources });
    expect(citedNumbers(answer).length).toBeGreaterThan(0);
    expect(citedNumbers(answer).every((n) => n === 3 || n === 7)).toBe(true);
  });

  it("falls back to the top sources' sentences for a short follow-up with no words of its own", () => {
    const answer = writeExtractiveAnswer({ messages: messagesFor("tell me more"), sources: [{ ...intro, n: 1 }, { ...homelab, n: 2 }] });
    expect(answer.startsWith("The newest thing I've built: a chat that answers from my posts.")).toBe(true);
    expect(answer.split("\n\n")[0]).toMatch(/ \[1\]$/);
    expect(answer.length).toBeLessThanOrEqual(EXTRACTIVE_MAX_CHARS);
  });

  it("points at the linked sections, labelled, when every source is code", () => {
    const code = sourceOf({ n: 1, title: "Bootstrap", blocks: ["#!/usr/bin/env bash\nset -euo pipefail", "SERVER=bica\nAGENTS=(galao garoto)"] });
    const answer = writeExtractiveAnswer({ messages: messagesFor("How do you bootstrap the cluster?"), sources: [code] });
    expect(answer).toMatch(/^I couldn't find a short passage to quote/);
    expect(answer).not.toContain("SERVER=");
    expect(answer.endsWith(`_${EXTRACTIVE_LABEL}_`)).toBe(true);
  });

  it("says briefly that the writing does not cover it, without the label, when there are no sources", () => {
    expect(writeExtractiveAnswer({ messages: messagesFor("What is the capital of France?"), sources: [] })).toBe(NOTHING_TO_QUOTE);
  });

  it("stays under the hard cap without cutting a sentence when every sentence answers", () => {
    const long = "The homelab cluster runs k3s on three Raspberry Pis with Prometheus monitoring and a bootstrap script.";
    const sources = [1, 2, 3, 4].map((n) => sourceOf({ n, title: `Homelab ${n}`, blocks: [Array.from({ length: 3 }, (_, i) => long.replace("three", `${n * 3 + i}`)).join(" ")] }));
    const answer = writeExtractiveAnswer({ messages: messagesFor("homelab cluster k3s raspberry pis prometheus bootstrap"), sources });
    expect(answer.length).toBeLessThanOrEqual(EXTRACTIVE_MAX_CHARS);
    for (const paragraph of answer.split("\n\n").slice(0, -1)) expect(paragraph).toMatch(/\.( \[\d+\])$/);
  });
});
