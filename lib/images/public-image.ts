import fs from "node:fs";
import path from "node:path";

const noticed = new Set<string>();

/**
 * The site path of a front-matter image when the file is in `public/`, else undefined with
 * a one-time notice naming the document and field: a missing or remote image is skipped,
 * never an error (the starter blog's front matter often names images not copied over).
 */
export function findPublicImage({ src, file, field, publicDir = path.join(process.cwd(), "public"), notice = console.warn }: {
  src: string | undefined;
  /** The document, for the notice (`content/posts/x.md`). */
  file: string;
  field: string;
  publicDir?: string;
  notice?: (message: string) => void;
}): string | undefined {
  if (!src) return undefined;
  const skip = (why: string) => {
    const key = `${file}\0${field}\0${src}`;
    if (!noticed.has(key)) notice(`notice: ${file}: ${field} "${src}" ${why}; the page shows no image`);
    noticed.add(key);
    return undefined;
  };
  // Only the site's own files: remote images would need a network fetch at build and a CSP exception.
  if (!src.startsWith("/") || src.startsWith("//")) return skip("is not a path under public/");
  // The ignore comments keep Next's file tracing from shipping the whole project for this lookup.
  const root = path.resolve(/*turbopackIgnore: true*/ publicDir);
  const resolved = path.resolve(/*turbopackIgnore: true*/ root, `.${decodeURI(src.split(/[?#]/)[0]!)}`);
  if (!resolved.startsWith(root + path.sep)) return skip("points outside public/");
  if (!fs.existsSync(/*turbopackIgnore: true*/ resolved) || !fs.statSync(/*turbopackIgnore: true*/ resolved).isFile()) return skip("is not in public/");
  return src;
}
