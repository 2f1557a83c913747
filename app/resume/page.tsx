import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentHeader } from "@/components/document-header";
import { MarkdownBody } from "@/components/markdown-body";
import { getResume } from "@/lib/content/collections";

export const metadata: Metadata = {
  title: "Resume",
  description: "Experience, education, skills and talks.",
  alternates: { canonical: "/resume" },
  openGraph: { title: "Resume", url: "/resume" },
};

export default function ResumePage() {
  const resume = getResume();
  if (!resume) notFound();
  return (
    <article className="space-y-8">
      <DocumentHeader title={resume.title} date={resume.lastUpdated} dateLabel="Last updated" />
      <MarkdownBody markdown={resume.body} />
    </article>
  );
}
