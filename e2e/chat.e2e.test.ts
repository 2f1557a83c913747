import { describe, expect, inject, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { SAVED_CONVERSATION_KEY } from "@/lib/chat/saved-conversation";
import { suggestedQuestions } from "@/lib/site";
import { useFileBrowser, openPage, saveScreenshot } from "./browser";
import { answerEnded, answerText, ask, lastAnswer, recordAnswerLengths, SLOW, waitForHydratedChat } from "./chat-page";
import { controlFake, resetFakesBeforeEach } from "./control";

const baseUrl = inject("baseUrl");
const PHONE = { width: 360, height: 800 };
const browser = useFileBrowser();
resetFakesBeforeEach();

/** The fake model's pause between two words of the streamed answer. */
const STEP_DELAY_MS = 150;

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
    // ~30 deltas over ~4.5 s: longer than the main thread of a loaded machine stalls (while
    // the markdown renderer loads, say), so the steps reach the page as steps.
    await controlFake("llm", "setDeltaDelay", STEP_DELAY_MS);
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    const lengthsSeen = await recordAnswerLengths(page);
    await ask(page, "How did you serve the fraud scoring model with ONNX Runtime?");
    await answerEnded(page, 1);
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
    await answerEnded(page, 1);
    const answer = await answerText(lastAnswer(page));
    expect(answer).toMatch(/^Based on \[1\]/);

    await followSource(page, lastAnswer(page));
    await page.goBack();
    await page.waitForURL(`${baseUrl}/`);
    // The conversation's code is fetched (from cache) once the page sees a saved conversation: SLOW allows for that.
    await expect.poll(() => page.locator('[data-role="user"]').first().innerText(), SLOW).toBe(question);
    await expect.poll(() => answerText(lastAnswer(page)), SLOW).toBe(answer);
    expect(await lastAnswer(page).locator("[data-source-link]").count()).toBeGreaterThan(0);
    // The answer comes back whole: its thumbs (the rating id) and its follow-up questions too.
    expect(await page.getByRole("button", { name: "Not helpful" }).count()).toBe(1);
    expect(await page.locator("[data-follow-up]").count()).toBeGreaterThanOrEqual(2);

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
    await answerEnded(page, 1);
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
