import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestRedis, type TestRedis } from "../test/redis-server";
import { useFileBrowser, openPage } from "./browser";
import { answerEnded, ask } from "./chat-page";
import { controlFake, resetFakesBeforeEach } from "./control";
import { startSecondSite } from "./second-site";
import { runCommand } from "./server-process";

const root = path.resolve(".");
const COVERED = ["Have you used Terraform?", "How did you serve the fraud scoring model with ONNX Runtime?"];
/** Words in no post: with the embedder down, keyword search finds nothing, so the writing does not cover it. */
const UNCOVERED = "Xylophone zeppelin quokka?";
const browser = useFileBrowser();
resetFakesBeforeEach();

/** Asks once the chat is hydrated and waits until its answer, one more than before, has ended. */
async function askAndWait(page: Page, question: string) {
  const before = await page.locator('[data-role="assistant"]').count();
  await ask(page, question);
  await answerEnded(page, before + 1);
}

/** Three questions through the UI, the last one not covered, and a thumbs down on the second answer. */
async function askThreeAndRateOneDown(baseUrl: string) {
  const { page, errors } = await openPage(browser());
  await page.goto(`${baseUrl}/`);
  for (const question of COVERED) await askAndWait(page, question);
  const rated = page.waitForResponse((r) => r.url().endsWith("/api/feedback"));
  await page.getByRole("button", { name: "Not helpful" }).last().click();
  expect((await rated).status()).toBe(204);
  // A fresh conversation: a follow-up is retrieved with the turns before it, which are covered.
  await page.getByRole("button", { name: "Clear" }).click();
  await controlFake("ollama", "goDown");
  await askAndWait(page, UNCOVERED);
  await controlFake("ollama", "comeUp");
  expect(errors).toEqual([]);
  await page.close();
}

/** `npm run insights` as the author runs it, with the given environment; its stdout. */
function runInsights(env: Record<string, string>): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "insights-report-"));
  return runCommand("npm", ["run", "--silent", "insights", "--", "--out", out], { cwd: root, env: { ...process.env, ...env }, label: "npm run insights" });
}

function expectReportListsThem(report: string) {
  const section = (name: string) => report.split(`## ${name}`)[1]!.split("\n## ")[0]!;
  expect(section("Not covered")).toContain(UNCOVERED);
  expect(section("Not covered")).not.toContain(COVERED[0]);
  expect(section("Rated down")).toContain(COVERED[1]);
  expect(section("Rated down")).not.toContain(COVERED[0]);
}

describe("npm run insights after visitors used the chat", () => {
  it("locally, without Redis: lists the uncovered question and the answer rated down", async () => {
    await askThreeAndRateOneDown(inject("baseUrl"));
    const report = await runInsights({ CHAT_INSIGHTS_FILE: inject("insightsFile"), REDIS_URL: "" });
    expectReportListsThem(report);
    console.log(`insights e2e: local report\n${report}`);
  });

  it("with Redis: a second server on REDIS_URL records there, and the report reads it", async () => {
    const redis: TestRedis = await startTestRedis();
    const unused = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-insights-unused-")), "never-written.jsonl");
    const site = await startSecondSite({ REDIS_URL: redis.url, CHAT_INSIGHTS_FILE: unused });
    try {
      await askThreeAndRateOneDown(site.url);
      const report = await runInsights({ REDIS_URL: redis.url });
      expect(report).toContain("from Redis (REDIS_URL)");
      expectReportListsThem(report);
      expect(fs.existsSync(unused)).toBe(false);
    } finally {
      site.stop();
      await redis.stop();
    }
  });
});
