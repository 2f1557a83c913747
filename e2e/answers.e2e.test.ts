import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { useFileBrowser, openPage, saveScreenshot } from "./browser";
import { ask, lastAnswer } from "./chat-page";
import { controlFake, resetFakesBeforeEach } from "./control";

const baseUrl = inject("baseUrl");
/** The input's own placeholder question. */
const PLACEHOLDER_QUESTION = "What kind of ML work have you done?";
const MACHINE_LEARNING = /\bML\b|machine[- ]learning|pytorch|onnx|model/i;
const browser = useFileBrowser();
resetFakesBeforeEach();
beforeEach(async () => {
  // "No keys": every answer model fails and the Pi is off, so the chat is lexical and extractive.
  await controlFake("llm", "failNext", 500, 1_000);
  await controlFake("ollama", "failNext", 1_000, 500);
});
afterEach(async () => {
  await controlFake("llm", "reset");
  await controlFake("ollama", "reset");
});

/** Waits until the last answer has text and the conversation is no longer busy (the answer stream ended). */
async function answerSettled(page: Page, count: number): Promise<string> {
  await expect.poll(() => page.locator('[data-role="assistant"]').count(), { timeout: 20_000 }).toBe(count);
  await expect.poll(async () => (await lastAnswer(page).locator(".prose").innerText()).trim().length, { timeout: 20_000 }).toBeGreaterThan(20);
  await expect.poll(() => page.locator("[data-chat-log]").getAttribute("aria-busy"), { timeout: 20_000 }).toBe("false");
  return lastAnswer(page).locator(".prose").innerText();
}

/** The source titles of the last answer in source-number order, folded ones included. */
async function sourceTitles(page: Page): Promise<string[]> {
  const items = await lastAnswer(page).locator("[data-chat-sources] li").evaluateAll((lis) =>
    lis.map((li) => ({ n: Number(li.querySelector("span")?.textContent?.replace(/\D/g, "")), title: li.querySelector("a")?.textContent ?? "" })),
  );
  return items.sort((a, b) => a.n - b.n).map((item) => item.title);
}

describe("answers with no keys and the Pi off", () => {
  it("the placeholder question shows machine-learning sources first", async () => {
    const { page } = await openPage(browser());
    await page.goto(baseUrl);
    await ask(page, PLACEHOLDER_QUESTION);
    await answerSettled(page, 1);
    await expect.poll(async () => (await sourceTitles(page)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const firstThree = (await sourceTitles(page)).slice(0, 3);
    expect(firstThree.filter((title) => MACHINE_LEARNING.test(title)).length, firstThree.join(" | ")).toBeGreaterThanOrEqual(2);
    await saveScreenshot(page, "answers-placeholder-no-keys");
  });

  it("\"What is the capital of France?\" gets no sources, asked first and as a follow-up", async () => {
    const { page } = await openPage(browser());
    await page.goto(baseUrl);
    await ask(page, "What is the capital of France?");
    expect(await answerSettled(page, 1)).toMatch(/doesn't cover/);
    expect(await lastAnswer(page).locator("[data-chat-sources]").count()).toBe(0);

    await ask(page, PLACEHOLDER_QUESTION);
    await answerSettled(page, 2);
    await expect.poll(() => lastAnswer(page).locator("[data-chat-sources]").count(), { timeout: 20_000 }).toBeGreaterThan(0);

    await ask(page, "What is the capital of France?");
    expect(await answerSettled(page, 3)).toMatch(/doesn't cover/);
    expect(await lastAnswer(page).locator("[data-chat-sources]").count()).toBe(0);
    await saveScreenshot(page, "answers-not-covered-follow-up");
  });
});
