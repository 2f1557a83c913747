import { SHARE_CARD_SIZE, renderShareCard } from "@/components/share-card";
import { site } from "@/lib/site";

export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";
export const alt = site.title;

/** The front page's share card, made at build. */
export default function Image() {
  return renderShareCard({ kicker: "Personal site", title: site.title });
}
