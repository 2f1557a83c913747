import { Feed } from "feed";
import { absoluteUrl, site } from "../site";
import { renderMarkdown } from "./markdown";
import type { Post } from "./types";

/** RSS 2.0 for the given posts, one item per post, newest first, full content included. */
export function buildRssFeed(posts: Post[]): string {
  const sorted = [...posts].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const feed = new Feed({
    title: site.title,
    description: site.description,
    id: absoluteUrl("/"),
    link: absoluteUrl("/"),
    language: site.locale,
    copyright: `© ${site.author}`,
    updated: sorted[0] ? new Date(sorted[0].date) : undefined,
    feedLinks: { rss: absoluteUrl("/feed.xml") },
    author: { name: site.author, link: absoluteUrl("/") },
  });
  for (const post of sorted) {
    feed.addItem({
      title: post.title,
      id: absoluteUrl(post.url),
      link: absoluteUrl(post.url),
      date: new Date(post.date),
      description: post.excerpt,
      content: renderMarkdown(post.body),
      category: post.tags.map((name) => ({ name })),
    });
  }
  return feed.rss2();
}
