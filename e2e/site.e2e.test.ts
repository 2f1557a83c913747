import { describe, expect, inject, it } from "vitest";
import { COMPILE_HINT } from "@/lib/build/compile-hints";
import { loadPosts, loadProjects, loadResume } from "@/lib/content/load";
import { site } from "@/lib/site";
import { openPage, saveScreenshot, useFileBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useFileBrowser();

/** Every page of the site with the title its `<h1>` must show. */
function pagesWithTitles(): Array<{ path: string; title: string }> {
  const resume = loadResume();
  return [
    { path: "/", title: site.name },
    { path: "/blog", title: "Blog" },
    { path: "/projects", title: "Projects" },
    ...(resume ? [{ path: "/resume", title: resume.title }] : []),
    ...loadPosts().map((post) => ({ path: post.url, title: post.title })),
    ...loadProjects().map((project) => ({ path: project.url, title: project.title })),
  ];
}

describe("every page", () => {
  it("answers 200, shows its title and logs no console error", async () => {
    const { page, errors } = await openPage(browser());
    for (const { path, title } of pagesWithTitles()) {
      const response = await page.goto(baseUrl + path);
      expect(response?.status(), path).toBe(200);
      await expect.poll(() => page.locator("h1").first().textContent(), { message: path }).toBe(title);
      expect(await page.title(), path).toContain(path === "/" ? site.name : title);
    }
    expect(errors).toEqual([]);
  });

  it("starts its scripts with V8's compile hint, added by `npm run build` (postbuild), on the home page, a post and the resume", async () => {
    for (const path of ["/", loadPosts()[0]!.url, "/resume"]) {
      const html = await (await fetch(baseUrl + path)).text();
      const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)].filter((tag) => !/nomodule/i.test(tag[0])).map((tag) => tag[1]!);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const src of scripts) expect((await (await fetch(baseUrl + src)).text()).startsWith(COMPILE_HINT), `${path}: ${src}`).toBe(true);
    }
  });

  it("serves the feed, sitemap and robots as text with the right types", async () => {
    const feed = await fetch(`${baseUrl}/feed.xml`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("application/rss+xml");
    expect(await feed.text()).toContain('<rss version="2.0"');
    const sitemap = await fetch(`${baseUrl}/sitemap.xml`);
    expect(await sitemap.text()).toMatch(/<loc>[^<]*\/resume<\/loc>/);
    expect(await (await fetch(`${baseUrl}/robots.txt`)).text()).toContain("Sitemap:");
  });

  it("answers 404 with a helpful page for an unknown address", async () => {
    const { page } = await openPage(browser());
    const response = await page.goto(`${baseUrl}/blog/no-such-post`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator("h1").first().textContent()).toBe("Page not found");
  });
});

describe("heading anchors", () => {
  it("land on the heading they link to", async () => {
    const post = loadPosts().find((p) => /^##\s/m.test(p.body));
    expect(post, "a post with sections").toBeDefined();
    const { page } = await openPage(browser(), { viewport: { width: 1280, height: 700 } });
    await page.goto(baseUrl + post!.url);
    // The first section heading that starts below the fold, so landing on it needs a scroll.
    const id = await page.evaluate(() => {
      const headings = [...document.querySelectorAll<HTMLElement>(".prose h2[id], .prose h3[id]")];
      return headings.find((h) => h.getBoundingClientRect().top > window.innerHeight)?.id;
    });
    expect(id, "a heading below the fold").toBeTruthy();
    await page.locator(`[id="${id}"] > a.heading-anchor`).click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#${id}`);
    const top = await page.evaluate((headingId) => document.getElementById(headingId!)!.getBoundingClientRect().top, id);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight / 2));
  });
});

describe("screenshots", () => {
  it("shows the home page and a post in light and dark themes", async () => {
    const post = loadPosts()[0]!;
    const backgrounds: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const { page } = await openPage(browser(), { colorScheme });
      await page.goto(baseUrl);
      await saveScreenshot(page, `home-${colorScheme}`);
      await page.goto(baseUrl + post.url);
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await saveScreenshot(page, `post-${colorScheme}`);
    }
    expect(backgrounds[0]).toBe("rgb(255, 255, 255)");
    expect(backgrounds[1]).not.toBe(backgrounds[0]);
  });

  it("fits a 360 px phone screen without horizontal scrolling", async () => {
    const { page } = await openPage(browser(), { viewport: { width: 360, height: 740 }, isMobile: true });
    for (const path of ["/", "/resume", loadPosts()[0]!.url]) {
      await page.goto(baseUrl + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await saveScreenshot(page, "post-phone-light");
  });
});
