import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { makeContentRoot, markdownFile } from "@/test/content-fixture";
import { buildRssFeed } from "./feed";
import { loadPosts } from "./load";

function items(xml: string): Array<{ title: string; link: string; pubDate: string }> {
  const parsed = new XMLParser().parse(xml);
  const list = parsed.rss.channel.item;
  return Array.isArray(list) ? list : list ? [list] : [];
}

describe("buildRssFeed", () => {
  it("writes well-formed RSS 2.0 with one item per post, newest first", () => {
    const root = makeContentRoot({
      "posts/a.md": markdownFile("title: Alpha & <Omega>\ndate: 2024-01-01"),
      "posts/b.md": markdownFile("title: Beta\ndate: 2026-01-01\nexcerpt: The second"),
      "posts/c.md": markdownFile("title: Hidden\ndate: 2026-02-01\ndraft: true"),
    });
    const xml = buildRssFeed(loadPosts(root));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false }).parse(xml).rss["@_version"]).toBe("2.0");
    expect(items(xml).map((item) => item.title)).toEqual(["Beta", "Alpha & <Omega>"]);
    expect(items(xml)[0]?.link).toBe("http://localhost:3000/blog/b");
  });

  it("lists every non-draft post of the sample content and no draft", () => {
    const directory = path.join(process.cwd(), "content/posts");
    const files = fs.readdirSync(directory).filter((name) => name.endsWith(".md"));
    const published = files.filter((name) => matter(fs.readFileSync(path.join(directory, name), "utf8"), {}).data.draft !== true);
    const xml = buildRssFeed(loadPosts());
    expect(XMLValidator.validate(xml)).toBe(true);
    const links = items(xml).map((item) => item.link).sort();
    expect(links).toEqual(published.map((name) => `http://localhost:3000/blog/${name.replace(/\.md$/, "")}`).sort());
    expect(published.length).toBeGreaterThan(0);
    expect(published.length).toBeLessThan(files.length);
  });
});
