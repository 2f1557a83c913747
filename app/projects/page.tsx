import type { Metadata } from "next";
import { ProjectList } from "@/components/project-list";
import { getProjects } from "@/lib/content/collections";

export const metadata: Metadata = {
  title: "Projects",
  description: "Things I have built, newest first.",
  alternates: { canonical: "/projects" },
  openGraph: { title: "Projects", url: "/projects" },
};

export default function ProjectsPage() {
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Projects</h1>
      <ProjectList projects={getProjects()} />
    </div>
  );
}
