import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoverImage } from "@/components/cover-image";
import { DocumentHeader } from "@/components/document-header";
import { MarkdownBody } from "@/components/markdown-body";
import { getPost, getPosts } from "@/lib/content/collections";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getPosts().map((post) => ({ slug: post.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = getPost((await params).slug);
  if (!post) return {};
  return {
    title: post.title,
    description: post.excerpt,
    alternates: { canonical: post.url },
    openGraph: { type: "article", title: post.title, description: post.excerpt, url: post.url, publishedTime: post.date, tags: post.tags },
  };
}

export default async function PostPage({ params }: Props) {
  const post = getPost((await params).slug);
  if (!post) notFound();
  return (
    <article className="space-y-8">
      <DocumentHeader title={post.title} date={post.date} tags={post.tags} lead={post.excerpt} />
      <CoverImage src={post.coverImage} title={post.title} file={post.file} field="coverImage" hero />
      <MarkdownBody markdown={post.body} />
    </article>
  );
}
