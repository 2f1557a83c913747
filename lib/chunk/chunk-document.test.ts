import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../content/markdown";
import type { ContentDocument, Post, Project, Resume } from "../content/types";
import { chunkDocument } from "./chunk-document";
import { MAX_CHUNK_CHARS } from "./constants";

const post = (body: string, extra: Partial<Post> = {}): Post => ({
  kind: "post", slug: "p", title: "Post", date: "2025-01-01", url: "/blog/p", file: "content/posts/p.md", body, tags: [], ...extra,
});
const paragraph = (words: number, seed = "word") => Array.from({ length: words }, (_, i) => `${seed}${i}`).join(" ") + ".";
const idsInHtml = (html: string) => [...html.matchAll(/<h[2-6] id="([^"]*)"/g)].map((m) => m[1]);

describe("chunkDocument", () => {
  it("yields well-sized chunks under the cap for a long document with no headings", () => {
    const body = Array.from({ length: 12 }, (_, i) => paragraph(40, `p${i}w`)).join("\n\n");
    const chunks = chunkDocument(post(body));
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS + 40);
    expect(chunks.map((c) => c.url)).toEqual(chunks.map(() => "/blog/p"));
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });

  it("splits a document with only ### headings at each of them", () => {
    const body = `### One\n\n${paragraph(60)}\n\n### Two\n\n${paragraph(60)}\n`;
    expect(chunkDocument(post(body)).map((c) => c.url)).toEqual(["/blog/p#one", "/blog/p#two"]);
  });

  it("does not split at a ## line inside a code fence", () => {
    const body = `## Setup\n\n${paragraph(50)}\n\n\`\`\`sh\n## not a heading\necho hi\n\`\`\`\n`;
    const chunks = chunkDocument(post(body));
    expect(chunks.map((c) => c.anchor)).toEqual(["setup"]);
    expect(chunks[0]!.text).toContain("## not a heading");
  });

  it("keeps the summary as the only chunk for front matter only (empty body)", () => {
    const chunks = chunkDocument(post("", { excerpt: "A short excerpt." }));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ id: "/blog/p#", url: "/blog/p", anchor: null, title: "Post" });
    expect(chunks[0]!.text).toBe("Post\n\nA short excerpt.");
  });

  it("still yields one chunk for an empty body without an excerpt", () => {
    expect(chunkDocument(post("")).map((c) => c.text)).toEqual(["Post"]);
  });

  it("cuts one 10,000-character paragraph into pieces under the cap without losing text", () => {
    const long = paragraph(1_300).slice(0, 10_000);
    const chunks = chunkDocument(post(`## Big\n\n${long}\n`));
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(10_000 / MAX_CHUNK_CHARS));
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS + 40);
    const rejoined = chunks.map((c) => c.text.replace("Post › Big\n\n", "")).join(" ").replace(/\s+/g, " ");
    expect(rejoined).toBe(long.replace(/\s+/g, " "));
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((_, i) => (i === 0 ? "/blog/p#big" : `/blog/p#big~${i + 1}`)));
  });

  it("gives duplicate headings the page's ids (-1, -2), the same ids renderMarkdown puts on the page", () => {
    const body = ["## Lessons", paragraph(60), "### Notes", paragraph(60), "## Lessons", paragraph(60), "### Notes", paragraph(60)].join("\n\n");
    const chunks = chunkDocument(post(body));
    expect(chunks.map((c) => c.anchor)).toEqual(idsInHtml(renderMarkdown(body)));
    expect(chunks.map((c) => c.id)).toEqual(["/blog/p#lessons", "/blog/p#lessons/notes", "/blog/p#lessons-1", "/blog/p#lessons-1/notes-1"]);
    expect(chunks[1]!.title).toBe("Post › Lessons › Notes");
  });

  it("merges a tiny section into its sibling under the same parent, keeping the survivor's anchor", () => {
    const body = ["## Parent", paragraph(60), "### Big", paragraph(60), "### Tiny", "Two words."].join("\n\n");
    const chunks = chunkDocument(post(body));
    expect(chunks.map((c) => c.anchor)).toEqual(["parent", "big"]);
    expect(chunks[1]!.text).toContain("Tiny\n\nTwo words.");
    expect(chunks[1]!.mergedHeadings).toEqual(["Tiny"]);
  });

  it("puts title, description and technologies in a project's first chunk", () => {
    const project: Project = { kind: "project", slug: "x", title: "X", date: "2025-01-01", url: "/projects/x", file: "f", body: `## How\n\n${paragraph(60)}`, description: "A tool.", technologies: ["Rust", "DuckDB"] };
    const [first] = chunkDocument(project);
    expect(first!.text).toBe("X\n\nA tool.\n\nTechnologies: Rust, DuckDB");
    expect(first!.kind).toBe("project");
    expect(first!.tags).toEqual(["Rust", "DuckDB"]);
  });

  it("keeps every resume ## and ### as its own chunk, even tiny ones", () => {
    const resume: Resume = { kind: "resume", slug: "resume", title: "Resume", date: "2025-01-01", url: "/resume", file: "content/resume.md", body: "## Experience\n\n### Tramline\n\nStaff engineer.\n\n### Farfetch\n\nEngineer.\n\n## Education\n\nMSc, Szeged." };
    const chunks = chunkDocument(resume as ContentDocument);
    expect(chunks.map((c) => c.url)).toEqual(["/resume#experience", "/resume#tramline", "/resume#farfetch", "/resume#education"]);
    expect(chunks[0]!.text).toContain("Tramline; Farfetch");
  });
});
