import { absoluteUrl } from "../site";
import type { Post, Project, Resume } from "./types";

export interface SitemapEntry {
  url: string;
  lastModified?: string;
}

/** Every page of the site, built from the content, not from a hand-kept list. */
export function buildSitemapEntries({ posts, projects, resume }: { posts: Post[]; projects: Project[]; resume: Resume | null }): SitemapEntry[] {
  const newest = [...posts, ...projects].map((d) => d.date).sort().at(-1);
  const entries: SitemapEntry[] = [
    { url: absoluteUrl("/"), lastModified: newest },
    { url: absoluteUrl("/blog"), lastModified: posts[0]?.date },
    { url: absoluteUrl("/projects"), lastModified: projects[0]?.date },
  ];
  if (resume) entries.push({ url: absoluteUrl(resume.url), lastModified: resume.lastUpdated });
  for (const document of [...posts, ...projects]) entries.push({ url: absoluteUrl(document.url), lastModified: document.date });
  return entries;
}
