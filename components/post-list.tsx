import Link from "next/link";
import type { Post } from "@/lib/content/types";
import { FormattedDate } from "./formatted-date";

/** Posts as a list of title, date and excerpt. */
export function PostList({ posts }: { posts: Post[] }) {
  return (
    <ul className="space-y-6">
      {posts.map((post) => (
        <li key={post.slug}>
          <Link href={post.url} className="text-lg font-medium hover:underline">
            {post.title}
          </Link>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            <FormattedDate iso={post.date} />
          </p>
          {post.excerpt ? <p className="mt-1 text-zinc-700 dark:text-zinc-300">{post.excerpt}</p> : null}
        </li>
      ))}
    </ul>
  );
}
