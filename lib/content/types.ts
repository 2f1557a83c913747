/** The three kinds of document the site renders and the indexer chunks. */
export type DocumentKind = "post" | "project" | "resume";

export interface Author {
  name: string;
  picture?: string;
}

/** What every document has, whatever its kind. */
export interface BaseDocument {
  kind: DocumentKind;
  /** URL-safe name from the file name (`resume` for the resume). */
  slug: string;
  title: string;
  /** ISO 8601 string, as written or normalised from a YAML date. */
  date: string;
  /** Path of the page, e.g. `/blog/hello-world`. */
  url: string;
  /** Repository-relative path of the source file, for error messages. */
  file: string;
  /** Markdown body without the front matter. */
  body: string;
}

export interface Post extends BaseDocument {
  kind: "post";
  excerpt?: string;
  coverImage?: string;
  author?: Author;
  tags: string[];
}

export interface Project extends BaseDocument {
  kind: "project";
  description?: string;
  image?: string;
  projectUrl?: string;
  technologies: string[];
}

export interface Resume extends BaseDocument {
  kind: "resume";
  lastUpdated?: string;
}

export type ContentDocument = Post | Project | Resume;
