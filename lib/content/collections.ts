import { loadPosts, loadProjects, loadResume } from "./load";
import type { Post, Project, Resume } from "./types";

// Pages ask for the same collections many times during one build; read the files once.
// In development every call re-reads, so an edit shows on the next refresh.
const memo = new Map<string, unknown>();
function remember<T>(key: string, load: () => T): T {
  if (process.env.NODE_ENV === "development") return load();
  if (!memo.has(key)) memo.set(key, load());
  return memo.get(key) as T;
}

/** Published posts, newest first. */
export const getPosts = (): Post[] => remember("posts", () => loadPosts());

/** Published projects, newest first. */
export const getProjects = (): Project[] => remember("projects", () => loadProjects());

/** The resume, if there is one. */
export const getResume = (): Resume | null => remember("resume", () => loadResume());

/** One post by slug, or undefined. */
export const getPost = (slug: string): Post | undefined => getPosts().find((post) => post.slug === slug);

/** One project by slug, or undefined. */
export const getProject = (slug: string): Project | undefined => getProjects().find((project) => project.slug === slug);
