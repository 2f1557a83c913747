import { describe, expect, inject, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { SAVED_CONVERSATION_KEY } from "@/lib/chat/saved-conversation";
import { suggestedQuestions } from "@/lib/site";
import { useFileBrowser, openPage, saveScreenshot } from "./browser";
import { controlFake, resetFakesBeforeEach } from "./control";

const baseUrl = inject("baseUrl");
const PHONE = { width: 360, height: 800 };
const browser = useFileBrowser();
resetFakesBeforeEach();

/** Hang guards for a loaded machine (2 noisy cores, other suites beside), never timing checks: each wait ends on its condition. */
const ANSWER_TIMEOUT_MS = 45_000;
const UI_TIMEOUT_MS = 15_000;
const SLOW = { timeout: UI_TIMEOUT_MS };

const lastAnswer = (page: Page) => page.locator('[data-role="assistant"]').last();
const answerText = (answer: Locator) => answer.locator(".prose").innerText();
const askButton = (page: Page) => page.getByRole("button", { name: "Ask", exact: true });

/**
 * From now on, records in the page every length the last answer's text takes: a
 * MutationObserver sees each render, however slowly the test's own round trips run.
 * Returns a reader of the distinct non-zero lengths seen so far.
 */
async function recordAnswerLengths(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { answerLengths: number[] }).answerLengths = seen;
    new MutationObserver(() => {
      const prose = [...document.querySelectorAll<HTMLElement>('[data-role="assistant"] .prose')].at(-1);
      const length = prose?.innerText.length ?? 0;
      if (length > 0 && !seen.includes(length)) seen.push(length);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { answerLengths: number[] }).answerLengths]);
}

/** Waits until an answer is there and the conversation is no longer busy (the stream ended, however long it took). */
async function answerEnded(page: Page) {
  await expect.poll(async () => (await lastAnswer(page).count()) > 0 && (await page.locator("[data-chat-log]").getAttribute("aria-busy")) === "false", { timeout: ANSWER_TIMEOUT_MS }).toBe(true);
}

/**
 * Types the question and sends it with Enter, once React has hydrated the box: typing is
 * repeated until it enables Ask (before hydration the text lands but React never sees it,
 * and Enter would only add a line).
 */
async function ask(page: Page, question: string) {
  const box = page.getByLabel("Your question");
  await expect.poll(async () => (await box.fill(question), askButton(page).isEnabled()), SLOW).toBe(true);
  await box.press("Enter");
}

/** Waits until the chat is hydrated (typing enables Ask), leaving the box empty: a click on a suggestion before that would be lost. */
async function waitForHydratedChat(page: Page) {
  const box = page.getByLabel("Your question");
  await expect.poll(async () => (await box.fill("?"), askButton(page).isEnabled()), SLOW).toBe(true);
  await box.fill("");
  await expect.poll(() => askButton(page).isEnabled(), SLOW).toBe(false);
}

/** Clicks the answer's first deep-linked source (in this tab) and waits until its heading is in view. */
async function followSource(page: Page, answer: Locator) {
  const more = answer.locator("details summary");
  if ((await more.count()) > 0) await more.click();
  const link = answer.locator('[data-source-link][href*="#"]').first();
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await page.waitForURL((url) => url.pathname + url.hash === href, SLOW);
  const id = decodeURIComponent(href.split("#")[1]!);
  await expect.poll(
    () =>
      page.evaluate((anchor) => {
        const heading = document.getElementById(anchor);
        if (!heading || !/^H[23]$/.test(heading.tagName)) return "no heading";
        const top = heading.getBoundingClientRect().top;
        return top >= 0 && top < window.innerHeight ? "in view" : `at ${top}`;
      }, id),
    SLOW,
  ).toBe("in view");
}

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("the front-page chat", () => {
  it("streams a typed question's answer in several steps, and a source lands on its section", async () => {
    await controlFake("llm", "setDeltaDelay", 40);
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    const lengthsSeen = await recordAnswerLengths(page);
    await ask(page, "How did you serve the fraud scoring model with ONNX Runtime?");
    await answerEnded(page);
    // More than two distinct lengths: the text grew in steps rather than arriving whole.
    const lengths = await lengthsSeen();
    expect(lengths.length, `lengths seen: ${lengths.join(", ")}`).toBeGreaterThan(2);
    const answer = lastAnswer(page);
    expect(await answerText(answer)).toMatch(/^Based on \[1\]/);
    await expect.poll(() => answer.locator("[data-citation]").count(), SLOW).toBeGreaterThan(0);
    await saveScreenshot(page, "chat-desktop-light");
    await page.emulateMedia({ colorScheme: "dark" });
    await saveScreenshot(page, "chat-desktop-dark");

    await followSource(page, answer);
    expect(errors).toEqual([]);
  });

  it("keeps the conversation after following a source and pressing Back, and after a reload; Clear empties it for good", async () => {
    const question = "How did you serve the fraud scoring model with ONNX Runtime?";
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    await ask(page, question);
    await answerEnded(page);
    const answer = await answerText(lastAnswer(page));
    expect(answer).toMatch(/^Based on \[1\]/);

    await followSource(page, lastAnswer(page));
    await page.goBack();
    await page.waitForURL(`${baseUrl}/`);
    await expect.poll(() => page.locator('[data-role="user"]').first().innerText(), SLOW).toBe(question);
    await expect.poll(() => answerText(lastAnswer(page)), SLOW).toBe(answer);
    expect(await lastAnswer(page).locator("[data-source-link]").count()).toBeGreaterThan(0);

    await page.reload();
    await expect.poll(() => page.locator('[data-role="user"]').count(), SLOW).toBe(1);
    await page.getByRole("button", { name: "Clear" }).click();
    expect(await page.locator("[data-role]").count()).toBe(0);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), SAVED_CONVERSATION_KEY)).toBeNull();
    expect(errors).toEqual([]);
  });

  it("answers a suggested question at 360 px wide with no horizontal scrolling, light and dark", async () => {
    const { page, errors } = await openPage(browser(), { viewport: PHONE });
    await page.goto(`${baseUrl}/`);
    await waitForHydratedChat(page);
    await page.locator("[data-suggested-question]").first().click();
    await expect.poll(() => page.locator('[data-role="user"]').first().innerText(), SLOW).toBe(suggestedQuestions[0]);
    await answerEnded(page);
    expect((await answerText(lastAnswer(page))).length).toBeGreaterThan(0);
    expect(await fitsWidth(page)).toBe(true);
    await page.locator("#chat").scrollIntoViewIfNeeded();
    await saveScreenshot(page, "chat-phone-light");
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await fitsWidth(page)).toBe(true);
    await saveScreenshot(page, "chat-phone-dark");
    expect(errors).toEqual([]);
  });

  it("stops a long answer: the text stops growing and the box is ready again", async () => {
    await controlFake("llm", "setDeltaDelay", 400);
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    await ask(page, "Tell me about the k3s homelab on Raspberry Pis");
    const answer = lastAnswer(page);
    await expect.poll(async () => (await answerText(answer).catch(() => "")).length, SLOW).toBeGreaterThan(10);
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Ask", exact: true }).count(), SLOW).toBe(1);
    const stopped = (await answerText(answer)).length;
    await page.waitForTimeout(1_200);
    expect((await answerText(answer)).length).toBe(stopped);
    expect(errors).toEqual([]);
  });
});
