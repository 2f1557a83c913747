import { describe, expect, inject, it } from "vitest";
import { getPost } from "@/lib/content/collections";
import { openPage, saveScreenshot, useFileBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const POST = "serving-pytorch-models-from-go-with-onnx-runtime";
const browser = useFileBrowser();

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("images and share cards", () => {
  it("a post shows its cover through next/image: sized by its box, alt from the title, fetched first (its largest paint)", async () => {
    const { page, errors } = await openPage(browser(), { viewport: { width: 360, height: 800 } });
    await page.goto(`${baseUrl}/blog/${POST}`);
    const image = page.locator("[data-cover-image] img");
    expect(await image.getAttribute("loading")).not.toBe("lazy");
    expect(await image.getAttribute("fetchpriority")).toBe("high");
    expect(await image.getAttribute("srcset")).toContain("/_next/image?url=%2Fimages%2Fposts%2Fonnx-go.png");
    expect(await image.getAttribute("alt")).toBe(`Cover image: ${getPost(POST)!.title}`);
    expect(await image.getAttribute("sizes")).toBeTruthy();
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await saveScreenshot(page, "post-cover-phone");
    expect(errors).toEqual([]);
  });

  it("project cards show their images lazily, each with its own alt", async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/projects`);
    const images = page.locator("[data-cover-image] img");
    expect(await images.count()).toBeGreaterThan(3);
    expect(new Set(await images.evaluateAll((all) => all.map((img) => img.getAttribute("loading"))))).toEqual(new Set(["lazy"]));
    expect(await page.locator('[data-cover-image] img[alt="Cover image: Tisza Bot"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("a post whose cover file is missing renders without one, no broken image", async () => {
    const { page, errors } = await openPage(browser());
    const response = await page.goto(`${baseUrl}/blog/hello-world`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("[data-cover-image]").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  for (const path of [`/blog/${POST}`, "/projects/tisza-bot", "/"]) {
    it(`${path}: og:image resolves to a 1200 × 630 PNG on this site`, async () => {
      const html = await (await fetch(baseUrl + path)).text();
      const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(og, "og:image").toBeTruthy();
      expect(og!.startsWith(`${baseUrl}/`)).toBe(true);
      expect(html).toMatch(/<meta property="og:image:width" content="1200"/);
      const image = await fetch(og!.replaceAll("&amp;", "&"));
      expect(image.headers.get("content-type")).toBe("image/png");
      expect(pngSize(new Uint8Array(await image.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    });
  }
});
