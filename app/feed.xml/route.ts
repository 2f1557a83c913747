import { getPosts } from "@/lib/content/collections";
import { buildRssFeed } from "@/lib/content/feed";

export const dynamic = "force-static";

export function GET() {
  return new Response(buildRssFeed(getPosts()), {
    headers: { "content-type": "application/rss+xml; charset=utf-8" },
  });
}
