import Link from "next/link";
import type { ReactNode } from "react";

/** A front-page section: a heading with a "see all" link, then its list. */
export function HomeSection({ id, title, moreHref, moreLabel, children }: { id: string; title: string; moreHref: string; moreLabel: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h2 id={id} className="text-xl font-semibold">{title}</h2>
        <Link href={moreHref} className="text-sm underline">{moreLabel}</Link>
      </div>
      {children}
    </section>
  );
}
