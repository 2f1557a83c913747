import { getImageProps } from "next/image";
import { preload } from "react-dom";
import { findPublicImage } from "@/lib/images/public-image";

/**
 * A post's cover or a project's image through next/image: sized by its box, alt from the
 * title, nothing when the file is missing. Lazy in lists; `hero` on the document's own page,
 * where it is usually the largest paint, so it is preloaded instead of waiting for layout.
 * It renders a plain `<img>` from `getImageProps` on the server (same optimizer URLs, srcset
 * and sizes as `<Image>`): the image needs no JavaScript, so no page ships or hydrates
 * next/image's client component for it.
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
  const { props } = getImageProps({
    src: found,
    alt: `Cover image: ${title}`,
    fill: true,
    sizes,
    className: "object-cover",
    ...(hero ? { loading: "eager", fetchPriority: "high" } : { loading: "lazy" }),
  });
  // What `<Image preload>` does for us: a <link rel="preload"> in the head with the same srcset.
  if (hero) preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  return (
    <div className={`relative aspect-[1200/630] overflow-hidden rounded-xl bg-zinc-100 dark:bg-zinc-900 ${className}`} data-cover-image>
      <img {...props} alt={props.alt} />
    </div>
  );
}
