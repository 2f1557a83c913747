import { describe, expect, it } from "vitest";
import { loadPosts, loadProjects, loadResume } from "./load";
import { buildSitemapEntries } from "./sitemap";

describe("buildSitemapEntries", () => {
  it("lists the home page, the indexes, the resume and every post and project", () => {
    const posts = loadPosts();
    const projects = loadProjects();
    const resume = loadResume();
    const urls = buildSitemapEntries({ posts, projects, resume }).map((entry) => new URL(entry.url).pathname);
    const expected = ["/", "/blog", "/projects", "/resume", ...posts.map((p) => p.url), ...projects.map((p) => p.url)];
    expect(urls.sort()).toEqual(expected.sort());
    expect(posts.length).toBeGreaterThanOrEqual(8);
    expect(projects.length).toBeGreaterThanOrEqual(6);
  });

  it("leaves the resume out when there is none", () => {
    const urls = buildSitemapEntries({ posts: [], projects: [], resume: null }).map((entry) => new URL(entry.url).pathname);
    expect(urls).toEqual(["/", "/blog", "/projects"]);
  });
});
