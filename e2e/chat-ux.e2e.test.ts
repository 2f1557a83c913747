import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { suggestedQuestions } from "@/lib/site";
import { useFileBrowser, openPage, saveScreenshot } from "./browser";
import { answerEnded as answersEnded, askButton } from "./chat-page";
import { controlFake, resetFakesBeforeEach } from "./control";

const baseUrl = inject("baseUrl");
const VIEWPORTS = [
  { name: "phone", width: 360, height: 800 },
  { name: "desktop", width: 1280, height: 900 },
] as const;
/** The slow model: two seconds before its first token. */
const FIRST_TOKEN_DELAY_MS = 2_000;
/** How long the browser holds the chat request before sending it on: the status line must show within it. */
const REQUEST_HOLD_MS = 1_500;
const browser = useFileBrowser();
resetFakesBeforeEach();

const statusLine = (page: Page) => page.locator('[data-chat] [role="status"][data-chat-status]');

/** Waits until the answer has ended (Ask is back), however it ended. */
async function answerEnded(page: Page) {
  await askButton(page).waitFor({ timeout: 30_000 });
}

/** Whether the question box is focused and wholly inside the viewport. */
function inputFocusedAndInView(page: Page) {
  return page.evaluate(() => {
    const input = document.getElementById("chat-question")!;
    const box = input.getBoundingClientRect();
    return { focused: document.activeElement === input, inView: box.top >= 0 && box.bottom <= window.innerHeight };
  });
}

describe("the chat answers at once", () => {
  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width} px: a status line shows before any byte of the answer, and the input is focused and in view after it`, async () => {
      await controlFake("llm", "setFirstTokenDelay", FIRST_TOKEN_DELAY_MS);
      const { page, errors } = await openPage(browser(), { viewport });
      // The request reaches the server only after this hold, so nothing can come back sooner.
      await page.route("**/api/chat", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, REQUEST_HOLD_MS));
        await route.continue();
      });
      await page.goto(`${baseUrl}/`);
      let responded = false;
      page.on("response", (response) => void (response.url().endsWith("/api/chat") && (responded = true)));
      await page.getByLabel("Your question").fill("How did you serve the fraud scoring model with ONNX Runtime?");
      const pressed = Date.now();
      await page.keyboard.press("Enter");
      await statusLine(page).filter({ hasText: /\S/ }).waitFor({ state: "visible" });
      const shownAfter = Date.now() - pressed;
      console.log(`chat-ux: ${viewport.name}: status line visible ${shownAfter} ms after Enter (the server had sent nothing: ${!responded})`);
      expect(responded).toBe(false);
      await saveScreenshot(page, `chat-ux-pending-${viewport.name}`);
      await answerEnded(page);
      expect(await statusLine(page).innerText()).toBe("");
      expect(await inputFocusedAndInView(page)).toEqual({ focused: true, inView: true });
      await saveScreenshot(page, `chat-ux-answered-${viewport.name}`);

      // A suggested question: the follow-ups replaced the starting ones, and focus comes back the same way.
      const followUps = await page.locator("[data-follow-up]").allInnerTexts();
      expect(followUps.length).toBeGreaterThanOrEqual(2);
      expect(followUps.filter((q) => suggestedQuestions.includes(q))).toEqual([]);
      await page.locator("[data-follow-up]").first().click();
      await expect.poll(() => page.locator('[data-role="user"]').last().innerText()).toBe(followUps[0]);
      // Focus elsewhere while it answers: only the chat's own refocus at the answer's end brings it back.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await answersEnded(page, 2);
      expect(await inputFocusedAndInView(page)).toEqual({ focused: true, inView: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it("a starting suggestion keeps focus in the question box and answers", async () => {
    const { page, errors } = await openPage(browser(), { viewport: VIEWPORTS[0] });
    await page.goto(`${baseUrl}/`);
    await page.locator("[data-suggested-question]").first().click();
    await answersEnded(page, 1);
    expect(await inputFocusedAndInView(page)).toEqual({ focused: true, inView: true });
    expect(errors).toEqual([]);
  });

  it("Esc from the page body stops a streaming answer, says it stopped, and gives the input back", async () => {
    await controlFake("llm", "setDeltaDelay", 300);
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    await page.getByLabel("Your question").fill("Tell me about the k3s homelab on Raspberry Pis");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-role="assistant"] .prose').last().innerText().catch(() => ""), { timeout: 15_000 }).not.toBe("");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press("Escape");
    await page.locator("[data-chat-stopped]").waitFor();
    expect(await page.locator("[data-chat-stopped]").innerText()).toMatch(/Stopped/);
    await answerEnded(page);
    expect((await inputFocusedAndInView(page)).focused).toBe(true);
    await saveScreenshot(page, "chat-ux-stopped");
    expect(errors).toEqual([]);
  });

  it("Enter while an answer streams says what to do instead of doing nothing, and keeps the typed question", async () => {
    await controlFake("llm", "setDeltaDelay", 200);
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    await page.getByLabel("Your question").fill("Have you used Terraform?");
    await page.keyboard.press("Enter");
    await page.getByLabel("Your question").fill("And Kubernetes?");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("[data-chat-hint]").innerText()).toMatch(/Still answering: press Esc/);
    expect(await page.getByLabel("Your question").inputValue()).toBe("And Kubernetes?");
    await page.keyboard.press("Escape");
  });
});

describe("the chat's code loads on first use", () => {
  /** Holds every script fetched from now on (the page's own have loaded): the conversation's code arrives late. */
  async function holdScripts(page: Page, ms: number) {
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    });
  }

  it("a question asked before the chat's code arrives shows at once with its status line, and is sent exactly once when it lands", async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    const sent: string[] = [];
    page.on("request", (request) => void (request.url().endsWith("/api/chat") && sent.push(request.postData() ?? "")));
    await holdScripts(page, 1_500);
    await page.getByLabel("Your question").fill("Have you used Terraform?");
    await page.keyboard.press("Enter");
    await statusLine(page).filter({ hasText: /\S/ }).waitFor({ state: "visible" });
    expect(await page.locator('[data-role="user"]').allInnerTexts()).toEqual(["Have you used Terraform?"]);
    expect(sent).toEqual([]); // the code is still on its way
    await answerEnded(page);
    expect(sent).toHaveLength(1);
    expect(await page.locator('[data-role="user"]').count()).toBe(1);
    expect(await page.locator('[data-role="assistant"]').count()).toBe(1);
    expect((await inputFocusedAndInView(page)).focused).toBe(true);
    expect(errors).toEqual([]);
  });

  it("Esc while the chat's code is still on its way puts the question back in the box and sends nothing", async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/`);
    const sent: string[] = [];
    page.on("request", (request) => void (request.url().endsWith("/api/chat") && sent.push(request.url())));
    await holdScripts(page, 2_000);
    await page.getByLabel("Your question").fill("And Kubernetes?");
    await page.keyboard.press("Enter");
    await statusLine(page).filter({ hasText: /\S/ }).waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await askButton(page).waitFor();
    expect(await page.getByLabel("Your question").inputValue()).toBe("And Kubernetes?");
    expect(await page.locator('[data-role="user"]').count()).toBe(0);
    await page.waitForTimeout(2_500); // the code lands meanwhile: it must not send the withdrawn question
    expect(sent).toEqual([]);
    expect(await page.locator('[data-role="user"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("the chat's errors and actions", () => {
  it("offline: says so in the visitor's words (never 'Failed to fetch'), with Retry that works once back online", async () => {
    const { page, errors } = await openPage(browser(), { viewport: VIEWPORTS[0] });
    await page.goto(`${baseUrl}/`);
    await page.context().setOffline(true);
    await page.getByLabel("Your question").fill("Have you used Terraform?");
    await page.keyboard.press("Enter");
    const alert = page.locator("[data-chat-error]");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/You seem to be offline/);
    expect(await alert.innerText()).not.toMatch(/Failed to fetch/);
    expect(await page.evaluate(() => { const box = document.querySelector("[data-chat-error]")!.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; })).toBe(true);
    expect((await inputFocusedAndInView(page)).focused).toBe(true);
    await saveScreenshot(page, "chat-ux-offline");
    await page.context().setOffline(false);
    await alert.getByRole("button", { name: "Retry" }).click();
    await answerEnded(page);
    expect(await page.locator('[data-role="assistant"]').count()).toBe(1);
    expect(await alert.count()).toBe(0);
    expect(errors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  it("busy: a 429 reads 'The chat is busy, try again in 20 s', from its Retry-After", async () => {
    const { page } = await openPage(browser());
    await page.route("**/api/chat", (route) => route.fulfill({ status: 429, headers: { "retry-after": "20", "content-type": "application/json" }, body: JSON.stringify({ error: { code: "rate_limited:chat", message: "Too many questions in a short time." } }) }));
    await page.goto(`${baseUrl}/`);
    await page.getByLabel("Your question").fill("Have you used Terraform?");
    await page.keyboard.press("Enter");
    // The chat's code is fetched on the first question (it is not part of the page), so allow for that.
    await expect.poll(() => page.locator("[data-chat-error]").innerText().catch(() => ""), { timeout: 10_000 }).toMatch(/^The chat is busy, try again in 20 s\./);
  });

  it("Copy puts the answer's text on the clipboard; the buttons are named 'Copy answer', 'Helpful' and 'Not helpful'", async () => {
    const { page, errors } = await openPage(browser());
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await page.goto(`${baseUrl}/`);
    await page.getByLabel("Your question").fill("How did you serve the fraud scoring model with ONNX Runtime?");
    await page.keyboard.press("Enter");
    await answerEnded(page);
    await page.getByRole("button", { name: "Copy answer" }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Based on \[1\] \(.+\): .+ \[1\]\.$/);
    expect(await page.locator('[data-role="assistant"] .prose').innerText()).toContain(copied.slice(0, 20));
    await page.getByRole("button", { name: "Not helpful" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Not helpful" }).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.locator("[data-message-actions] [role=status]").innerText()).toBe("Thanks, noted.");
    expect(await page.getByRole("button", { name: "Helpful", exact: true }).count()).toBe(1);
    await saveScreenshot(page, "chat-ux-actions");
    expect(errors).toEqual([]);
  });
});
