import Link from "next/link";
import type { Project } from "@/lib/content/types";
import { CoverImage } from "./cover-image";
import { FormattedDate } from "./formatted-date";
import { TagList } from "./tag-list";

/** Projects as cards: image, title, date, description and technologies. */
export function ProjectList({ projects }: { projects: Project[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {projects.map((project) => (
        <li key={project.slug} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <CoverImage src={project.image} title={project.title} file={project.file} field="image" sizes="(min-width: 640px) 352px, 100vw" className="mb-3 rounded-md" />
          <Link href={project.url} className="font-medium hover:underline">
            {project.title}
          </Link>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            <FormattedDate iso={project.date} />
          </p>
          {project.description ? <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{project.description}</p> : null}
          <TagList tags={project.technologies} />
        </li>
      ))}
    </ul>
  );
}
