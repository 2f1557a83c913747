import { SHARE_CARD_SIZE, renderShareCard } from "@/components/share-card";
import { getProject, getProjects } from "@/lib/content/collections";
import { site } from "@/lib/site";

export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";
export const alt = `A project by ${site.author}`;
export const dynamicParams = false;

export function generateStaticParams() {
  return getProjects().map((project) => ({ slug: project.slug }));
}

/** A project's share card, made at build: its title and the site's name. */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const project = getProject((await params).slug);
  return renderShareCard({ kicker: "Project", title: project?.title ?? site.title });
}
