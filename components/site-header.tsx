import Link from "next/link";
import { site } from "@/lib/site";

const links = [
  { href: "/blog", label: "Blog" },
  { href: "/projects", label: "Projects" },
  { href: "/resume", label: "Resume" },
];

/** Top bar: the author's name home, then the three sections. */
export function SiteHeader() {
  return (
    <header className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-6">
      <Link href="/" className="font-semibold tracking-tight">
        {site.name}
      </Link>
      <nav aria-label="Main">
        <ul className="flex gap-4 text-sm text-zinc-600 dark:text-zinc-400">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="hover:text-zinc-900 dark:hover:text-zinc-100">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
