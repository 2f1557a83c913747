import { SHARE_CARD_SIZE, renderShareCard } from "@/components/share-card";
import { getPost, getPosts } from "@/lib/content/collections";
import { site } from "@/lib/site";

export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";
export const alt = `A post by ${site.author}`;
export const dynamicParams = false;

export function generateStaticParams() {
  return getPosts().map((post) => ({ slug: post.slug }));
}

/** A post's share card, made at build: its title and the site's name. */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const post = getPost((await params).slug);
  return renderShareCard({ kicker: "Blog post", title: post?.title ?? site.title });
}
