import { describe, expect, it } from "vitest";
import { makeContentRoot, markdownFile } from "@/test/content-fixture";
import { ContentError, loadAllDocuments, loadPosts, loadProjects, loadResume } from "./load";

function errorOf(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error("expected a ContentError");
}

describe("loadPosts", () => {
  it("reads a post copied unchanged from the Next.js blog starter, missing images and unknown fields included", () => {
    const root = makeContentRoot({
      "posts/hello-world.md": markdownFile(`
title: "Learn How to Pre-render Pages Using Static Generation with Next.js"
excerpt: "Lorem ipsum dolor sit amet."
coverImage: "/assets/blog/hello-world/cover.jpg"
date: "2023-02-16T14:50:31.000Z"
author:
  name: Tim Neutkens
  picture: "/assets/blog/authors/tim.jpeg"
ogImage:
  url: "/assets/blog/hello-world/cover.jpg"
`),
    });
    const [post] = loadPosts(root);
    expect(post).toMatchObject({
      kind: "post",
      slug: "hello-world",
      url: "/blog/hello-world",
      date: "2023-02-16T14:50:31.000Z",
      author: { name: "Tim Neutkens", picture: "/assets/blog/authors/tim.jpeg" },
      coverImage: "/assets/blog/hello-world/cover.jpg",
      tags: [],
    });
  });

  it("normalises an unquoted YAML date to an ISO string", () => {
    const root = makeContentRoot({ "posts/a.md": markdownFile("title: A\ndate: 2025-01-27") });
    expect(loadPosts(root)[0]?.date).toBe("2025-01-27T00:00:00.000Z");
  });

  it("keeps drafts out and sorts newest first", () => {
    const root = makeContentRoot({
      "posts/old.md": markdownFile("title: Old\ndate: 2023-01-01"),
      "posts/new.md": markdownFile("title: New\ndate: 2026-01-01"),
      "posts/secret.md": markdownFile("title: Secret\ndate: 2026-06-01\ndraft: true"),
    });
    expect(loadPosts(root).map((p) => p.slug)).toEqual(["new", "old"]);
  });

  it("names the file and field when the title is missing", () => {
    const root = makeContentRoot({ "posts/x.md": markdownFile("date: 2025-01-01") });
    expect(errorOf(() => loadPosts(root)).message).toContain("content/posts/x.md: title: required");
  });

  it("names the file and field when the date is not an ISO date", () => {
    const root = makeContentRoot({ "posts/x.md": markdownFile("title: X\ndate: yesterday") });
    expect(errorOf(() => loadPosts(root)).message).toContain("content/posts/x.md: date: expected an ISO date, got 'yesterday'");
  });

  it("names the file and field when the title is not a string", () => {
    const root = makeContentRoot({ "posts/x.md": markdownFile("title: [1, 2]\ndate: 2025-01-01") });
    expect(errorOf(() => loadPosts(root)).message).toMatch(/content\/posts\/x\.md: title: expected a string/);
  });

  it("names the file and line when the YAML is broken", () => {
    const root = makeContentRoot({ "posts/x.md": "---\ntitle: ok\ndate: 2025-01-01\ntags: [a, b\n---\nbody\n" });
    expect(errorOf(() => loadPosts(root)).message).toMatch(/content\/posts\/x\.md: front matter: invalid YAML at line \d+/);
  });

  it("reports an empty file as a missing title and date", () => {
    const root = makeContentRoot({ "posts/empty.md": "" });
    const error = errorOf(() => loadPosts(root));
    expect(error.issues).toEqual([
      { file: "content/posts/empty.md", field: "title", message: "required" },
      { file: "content/posts/empty.md", field: "date", message: "required" },
    ]);
  });

  it("lists the problems of every bad file, not only the first", () => {
    const root = makeContentRoot({
      "posts/a.md": markdownFile("date: 2025-01-01"),
      "posts/b.md": markdownFile("title: B\ndate: soon"),
    });
    expect(errorOf(() => loadPosts(root)).issues.map((i) => i.file)).toEqual(["content/posts/a.md", "content/posts/b.md"]);
  });
});

describe("loadProjects", () => {
  it("reads technologies and leaves a missing image undefined", () => {
    const root = makeContentRoot({
      "projects/p.md": markdownFile('title: P\ndate: "2024-05-01"\ntechnologies: [Go, Terraform]\ndescription: A thing'),
    });
    expect(loadProjects(root)[0]).toMatchObject({ url: "/projects/p", technologies: ["Go", "Terraform"], image: undefined });
  });

  it("names the field when technologies is not a list of strings", () => {
    const root = makeContentRoot({ "projects/p.md": markdownFile("title: P\ndate: 2024-05-01\ntechnologies: Go") });
    expect(errorOf(() => loadProjects(root)).message).toContain("content/projects/p.md: technologies:");
  });
});

describe("loadResume", () => {
  it("needs only a title and dates the resume by lastUpdated", () => {
    const root = makeContentRoot({ "resume.md": markdownFile("title: Resume\nlastUpdated: 2026-03-01") });
    expect(loadResume(root)).toMatchObject({ url: "/resume", date: "2026-03-01T00:00:00.000Z", lastUpdated: "2026-03-01T00:00:00.000Z" });
  });

  it("returns null when there is no resume", () => {
    expect(loadResume(makeContentRoot({}))).toBeNull();
  });
});

describe("loadAllDocuments", () => {
  it("validates every collection before failing", () => {
    const root = makeContentRoot({
      "posts/a.md": markdownFile("title: A"),
      "projects/b.md": markdownFile("date: 2024-01-01"),
      "resume.md": markdownFile("lastUpdated: 2026-01-01"),
    });
    expect(errorOf(() => loadAllDocuments(root)).issues.map((i) => `${i.file}:${i.field}`)).toEqual([
      "content/posts/a.md:date",
      "content/projects/b.md:title",
      "content/resume.md:title",
    ]);
  });
});
