// Driving the front-page chat from a browser test as a visitor would, on a machine of any
// speed: typing only once React has hydrated the box, and waiting on what the page shows
// (answers counted, the log's aria-busy) rather than on time.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Hang guards for a loaded machine (2 noisy cores, other suites beside), never timing checks:
 * each wait ends on its condition. With Chromium's CPU throttled 8× (E2E_CPU_THROTTLE=8) one
 * `fill` took up to 16 s and a page ~10 s to hydrate, and the chat tests still pass.
 */
const ANSWER_TIMEOUT_MS = 45_000;
const UI_TIMEOUT_MS = 30_000;
/** expect.poll's options for a UI change (its default, 1 s, is a fast machine's). */
export const SLOW = { timeout: UI_TIMEOUT_MS };

/** The last answer in the conversation. */
export const lastAnswer = (page: Page) => page.locator('[data-role="assistant"]').last();
/** An answer's text as the visitor reads it. */
export const answerText = (answer: Locator) => answer.locator(".prose").innerText();
/** The Ask button: shown while no answer streams, enabled once the box holds a question React has seen. */
export const askButton = (page: Page) => page.getByRole("button", { name: "Ask", exact: true });

/**
 * From now on, records in the page every length the last answer's text takes: a
 * MutationObserver sees each render, however slowly the test's own round trips run.
 * Returns a reader of the distinct non-zero lengths seen so far.
 */
export async function recordAnswerLengths(page: Page): Promise<() => Promise<number[]>> {
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

/** Waits until the conversation holds `answers` answers and is no longer busy: the last stream ended, however long it took. */
export async function answerEnded(page: Page, answers: number) {
  const settled = async () => (await page.locator('[data-role="assistant"]').count()) === answers && (await page.locator("[data-chat-log]").getAttribute("aria-busy")) === "false";
  await expect.poll(settled, { timeout: ANSWER_TIMEOUT_MS }).toBe(true);
}

/**
 * Types `text` into the box until React, hydrated, takes it (Ask enables). Before hydration
 * the text lands but React never sees it, and React then ignores the same text typed again
 * (its value tracker already holds it), so each try empties the box first.
 */
async function typeWhenHydrated(page: Page, text: string) {
  const box = page.getByLabel("Your question");
  await expect.poll(async () => (await box.fill(""), await box.fill(text), askButton(page).isEnabled()), SLOW).toBe(true);
}

/** Types the question once the chat is hydrated and sends it with Enter (before hydration, Enter only adds a line). */
export async function ask(page: Page, question: string) {
  await typeWhenHydrated(page, question);
  await page.getByLabel("Your question").press("Enter");
}

/** Waits until the chat is hydrated, leaving the box empty: a click on a suggestion before that would be lost. */
export async function waitForHydratedChat(page: Page) {
  await typeWhenHydrated(page, "?");
  await page.getByLabel("Your question").fill("");
  await expect.poll(() => askButton(page).isEnabled(), SLOW).toBe(false);
}
