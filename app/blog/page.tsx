import type { Metadata } from "next";
import { PostList } from "@/components/post-list";
import { getPosts } from "@/lib/content/collections";

export const metadata: Metadata = {
  title: "Blog",
  description: "Everything I have written, newest first.",
  alternates: { canonical: "/blog" },
  openGraph: { title: "Blog", url: "/blog" },
};

export default function BlogPage() {
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Blog</h1>
      <PostList posts={getPosts()} />
    </div>
  );
}
