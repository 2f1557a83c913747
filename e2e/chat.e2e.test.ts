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

const lastAnswer = (page: Page) => page.locator('[data-role="assistant"]').last();
const answerText = (answer: Locator) => answer.locator(".prose").innerText();

/** Samples the answer's text until its sources appear (the stream ended); returns the distinct lengths seen. */
async function watchAnswer(page: Page): Promise<number[]> {
  const answer = lastAnswer(page);
  const lengths = new Set<number>();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await answer.count()) > 0) {
      lengths.add((await answerText(answer).catch(() => "")).length);
      if ((await answer.locator("[data-chat-sources]").count()) > 0) break;
    }
    await page.waitForTimeout(25);
  }
  return [...lengths].filter((n) => n > 0);
}

async function ask(page: Page, question: string) {
  await page.getByLabel("Your question").fill(question);
  await page.keyboard.press("Enter");
}

/** Clicks the answer's first deep-linked source (in this tab) and waits until its heading is in view. */
async function followSource(page: Page, answer: Locator) {
  const more = answer.locator("details summary");
  if ((await more.count()) > 0) await more.click();
  const link = answer.locator('[data-source-link][href*="#"]').first();
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await page.waitForURL((url) => url.pathname + url.hash === href);
  const id = decodeURIComponent(href.split("#")[1]!);
  await expect.poll(() =>
    page.evaluate((anchor) => {
      const heading = document.getElementById(anchor);
      if (!heading || !/^H[23]$/.test(heading.tagName)) return "no heading";
      const top = heading.getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight ? "in view" : `at ${top}`;
    }, id),
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
    await ask(page, "How did you serve the fraud scoring model with ONNX Runtime?");
    const lengths = await watchAnswer(page);
    expect(lengths.length).toBeGreaterThan(2);
    const answer = lastAnswer(page);
    expect(await answerText(answer)).toMatch(/^Based on \[1\]/);
    await expect.poll(() => answer.locator("[data-citation]").count()).toBeGreaterThan(0);
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
    await watchAnswer(page);
    const answer = await answerText(lastAnswer(page));
    expect(answer).toMatch(/^Based on \[1\]/);

    await followSource(page, lastAnswer(page));
    await page.goBack();
    await page.waitForURL(`${baseUrl}/`);
    // The conversation's code is fetched (from cache) once the page sees a saved conversation: allow for that.
    await expect.poll(() => page.locator('[data-role="user"]').first().innerText(), { timeout: 10_000 }).toBe(question);
    await expect.poll(() => answerText(lastAnswer(page))).toBe(answer);
    expect(await lastAnswer(page).locator("[data-source-link]").count()).toBeGreaterThan(0);
    // The answer comes back whole: its thumbs (the rating id) and its follow-up questions too.
    expect(await page.getByRole("button", { name: "Not helpful" }).count()).toBe(1);
    expect(await page.locator("[data-follow-up]").count()).toBeGreaterThanOrEqual(2);

    await page.reload();
    await expect.poll(() => page.locator('[data-role="user"]').count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole("button", { name: "Clear" }).click();
    expect(await page.locator("[data-role]").count()).toBe(0);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), SAVED_CONVERSATION_KEY)).toBeNull();
    expect(errors).toEqual([]);
  });

  it("answers a suggested question at 360 px wide with no horizontal scrolling, light and dark", async () => {
    const { page, errors } = await openPage(browser(), { viewport: PHONE });
    await page.goto(`${baseUrl}/`);
    await page.locator("[data-suggested-question]").first().click();
    await expect.poll(() => page.locator('[data-role="user"]').first().innerText()).toBe(suggestedQuestions[0]);
    expect((await watchAnswer(page)).length).toBeGreaterThan(0);
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
    await expect.poll(async () => (await answerText(answer).catch(() => "")).length, { timeout: 15_000 }).toBeGreaterThan(10);
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Ask", exact: true }).count()).toBe(1);
    const stopped = (await answerText(answer)).length;
    await page.waitForTimeout(1_200);
    expect((await answerText(answer)).length).toBe(stopped);
    expect(errors).toEqual([]);
  });
});
