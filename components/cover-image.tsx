import Image from "next/image";
import { findPublicImage } from "@/lib/images/public-image";

/**
 * A post's cover or a project's image through next/image: sized by its box, alt from the
 * title, nothing when the file is missing. Lazy in lists; `hero` on the document's own page,
 * where it is usually the largest paint, so it is preloaded instead of waiting for layout.
 */
export function CoverImage({ src, title, file, field, hero = false, sizes = "(min-width: 768px) 736px, 100vw", className = "" }: {
  src: string | undefined;
  title: string;
  file: string;
  field: "coverImage" | "image";
  hero?: boolean;
  sizes?: string;
  className?: string;
}) {
  const found = findPublicImage({ src, file, field });
  if (!found) return null;
  return (
    <div className={`relative aspect-[1200/630] overflow-hidden rounded-xl bg-zinc-100 dark:bg-zinc-900 ${className}`} data-cover-image>
      <Image src={found} alt={`Cover image: ${title}`} fill sizes={sizes} className="object-cover" {...(hero ? { preload: true, loading: "eager", fetchPriority: "high" } : { loading: "lazy" })} />
    </div>
  );
}
