import Link from "next/link";
import { site } from "@/lib/site";

/** Bottom line: copyright and the feed. */
export function SiteFooter() {
  return (
    <footer className="mx-auto max-w-3xl px-4 py-10 text-sm text-zinc-500 dark:text-zinc-400">
      <p>
        © {new Date().getFullYear()} {site.author} · <Link href="/feed.xml" className="underline">RSS</Link> ·{" "}
        <Link href="/sitemap.xml" className="underline">Sitemap</Link>
      </p>
    </footer>
  );
}
