import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoverImage } from "@/components/cover-image";
import { DocumentHeader } from "@/components/document-header";
import { MarkdownBody } from "@/components/markdown-body";
import { getProject, getProjects } from "@/lib/content/collections";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getProjects().map((project) => ({ slug: project.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = getProject((await params).slug);
  if (!project) return {};
  return {
    title: project.title,
    description: project.description,
    alternates: { canonical: project.url },
    openGraph: { type: "article", title: project.title, description: project.description, url: project.url },
  };
}

export default async function ProjectPage({ params }: Props) {
  const project = getProject((await params).slug);
  if (!project) notFound();
  return (
    <article className="space-y-8">
      <DocumentHeader title={project.title} date={project.date} tags={project.technologies} lead={project.description} />
      <CoverImage src={project.image} title={project.title} file={project.file} field="image" hero />
      {project.projectUrl ? (
        <p>
          <a href={project.projectUrl} className="text-sky-700 underline dark:text-sky-400" rel="noopener noreferrer">
            Visit the project
          </a>
        </p>
      ) : null}
      <MarkdownBody markdown={project.body} />
    </article>
  );
}
