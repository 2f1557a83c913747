import type { MetadataRoute } from "next";
import { getPosts, getProjects, getResume } from "@/lib/content/collections";
import { buildSitemapEntries } from "@/lib/content/sitemap";

export default function sitemap(): MetadataRoute.Sitemap {
  return buildSitemapEntries({ posts: getPosts(), projects: getProjects(), resume: getResume() });
}
