import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import { AppError } from "../errors";
import { postFrontMatter, projectFrontMatter, resumeFrontMatter } from "./schema";
import type { ContentDocument, Post, Project, Resume } from "./types";

/** Where the author's markdown lives, relative to the project root. */
export const CONTENT_DIR = "content";

/** One problem in one file: `content/posts/x.md: date: expected an ISO date, got 'yesterday'`. */
export interface ContentIssue {
  file: string;
  field: string;
  message: string;
}

/** Thrown when any content file is malformed; lists every problem, each naming its file and field. */
export class ContentError extends AppError {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super("invalid_content:build", `Invalid content:\n${issues.map((i) => `  ${i.file}: ${i.field}: ${i.message}`).join("\n")}`);
    this.name = "ContentError";
    this.issues = issues;
  }
}

interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
}

function readFrontMatter(absolute: string, file: string): ParsedFile {
  const raw = fs.readFileSync(absolute, "utf8");
  try {
    // gray-matter caches by content; pass an options object to bypass its cache so errors repeat.
    const parsed = matter(raw, {});
    return { data: (parsed.data ?? {}) as Record<string, unknown>, body: parsed.content };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    // js-yaml counts lines from 0 inside the front matter block, which starts after the `---` line.
    const where = mark?.line !== undefined ? ` at line ${mark.line + 2}` : "";
    throw new ContentError([{ file, field: "front matter", message: `invalid YAML${where}: ${reason}` }]);
  }
}

function toIssues(file: string, error: z.ZodError): ContentIssue[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.length > 0 ? issue.path.join(".") : "front matter",
    message: issue.message,
  }));
}

// Content is read at build time only (every page is static); the ignore comment keeps
// Turbopack from tracing the whole project into the server bundle because of it.
function resolveFromRoot(root: string, ...parts: string[]): string {
  return path.join(/*turbopackIgnore: true*/ root, ...parts);
}

function slugFromFile(file: string): string {
  return path.basename(file, path.extname(file));
}

type Builder<T> = (input: { file: string; slug: string; body: string; data: Record<string, unknown> }) => T | null;

const buildPost: Builder<Post> = ({ file, slug, body, data }) => {
  const fm = postFrontMatter.parse(data);
  if (fm.draft) return null;
  return {
    kind: "post", slug, file, body, title: fm.title, date: fm.date, url: `/blog/${slug}`,
    excerpt: fm.excerpt, coverImage: fm.coverImage, tags: fm.tags,
    author: fm.author ? { name: fm.author.name, picture: fm.author.picture } : undefined,
  };
};

const buildProject: Builder<Project> = ({ file, slug, body, data }) => {
  const fm = projectFrontMatter.parse(data);
  if (fm.draft) return null;
  return {
    kind: "project", slug, file, body, title: fm.title, date: fm.date, url: `/projects/${slug}`,
    description: fm.description, image: fm.image, projectUrl: fm.projectUrl, technologies: fm.technologies,
  };
};

const buildResume: Builder<Resume> = ({ file, body, data }) => {
  const fm = resumeFrontMatter.parse(data);
  if (fm.draft) return null;
  const date = fm.lastUpdated ?? fm.date ?? new Date(0).toISOString();
  return { kind: "resume", slug: "resume", file, body, title: fm.title, date, url: "/resume", lastUpdated: fm.lastUpdated };
};

/** Parses and validates one file; returns null for drafts, throws ContentError naming file and field. */
function loadFile<T>(root: string, file: string, build: Builder<T>): T | null {
  const { data, body } = readFrontMatter(resolveFromRoot(root, file), file);
  try {
    return build({ file, slug: slugFromFile(file), body, data });
  } catch (error) {
    if (error && typeof error === "object" && "issues" in error) throw new ContentError(toIssues(file, error as z.ZodError));
    throw error;
  }
}

/** Runs every load, collecting the ContentError issues of all of them before failing. */
function loadCollectingIssues<T>(loads: Array<() => T | null>): T[] {
  const issues: ContentIssue[] = [];
  const documents: T[] = [];
  for (const load of loads) {
    try {
      const loaded = load();
      if (loaded !== null) documents.push(loaded);
    } catch (error) {
      if (error instanceof ContentError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length > 0) throw new ContentError(issues);
  return documents;
}

/** Loads every file of a folder, collecting the problems of all files before failing. */
function loadFolder<T>(root: string, folder: string, build: Builder<T>): T[] {
  const directory = resolveFromRoot(root, CONTENT_DIR, folder);
  if (!fs.existsSync(directory)) return [];
  const names = fs.readdirSync(directory).filter((n) => n.endsWith(".md") || n.endsWith(".mdx")).sort();
  return loadCollectingIssues(names.map((name) => () => loadFile(root, path.posix.join(CONTENT_DIR, folder, name), build)));
}

const newestFirst = (a: { date: string }, b: { date: string }) => Date.parse(b.date) - Date.parse(a.date);

/** Every published post, newest first. */
export function loadPosts(root = process.cwd()): Post[] {
  return loadFolder(root, "posts", buildPost).sort(newestFirst);
}

/** Every published project, newest first. */
export function loadProjects(root = process.cwd()): Project[] {
  return loadFolder(root, "projects", buildProject).sort(newestFirst);
}

/** The resume, or null when `content/resume.md` is missing or a draft. */
export function loadResume(root = process.cwd()): Resume | null {
  const file = path.posix.join(CONTENT_DIR, "resume.md");
  if (!fs.existsSync(resolveFromRoot(root, file))) return null;
  return loadFile(root, file, buildResume);
}

/** Every published document of every kind; validates all three collections before failing. */
export function loadAllDocuments(root = process.cwd()): ContentDocument[] {
  const collections = loadCollectingIssues<ContentDocument[]>([() => loadPosts(root), () => loadProjects(root), () => [loadResume(root)].filter((r) => r !== null)]);
  return collections.flat();
}
