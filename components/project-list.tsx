import Link from "next/link";
import type { Project } from "@/lib/content/types";
import { FormattedDate } from "./formatted-date";
import { TagList } from "./tag-list";

/** Projects as cards: title, date, description and technologies. */
export function ProjectList({ projects }: { projects: Project[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {projects.map((project) => (
        <li key={project.slug} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
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
