import { describe, expect, it } from "vitest";
import { assignHeadingIds } from "./anchors";
import { parseMarkdown, renderMarkdown } from "./markdown";

/** The ids `assignHeadingIds` gives a document made of these `##` headings, in order. */
const idsOf = (headings: string[]) => assignHeadingIds(parseMarkdown(headings.map((h) => `## ${h}`).join("\n\n"))).map((h) => h.id);

describe("assignHeadingIds", () => {
  it("gives repeated headings -1, -2 in document order", () => {
    expect(idsOf(["Lessons", "Lessons", "Lessons"])).toEqual(["lessons", "lessons-1", "lessons-2"]);
  });

  it("drops punctuation and keeps hyphens", () => {
    expect(idsOf(["What's next? (2026 edition)", "C++ & Rust: a comparison"])).toEqual([
      "whats-next-2026-edition",
      "c--rust-a-comparison",
    ]);
  });

  it("keeps non-ASCII letters lower-cased", () => {
    expect(idsOf(["Szeged: Halászlé", "Pão de Deus"])).toEqual(["szeged-halászlé", "pão-de-deus"]);
  });

  it("drops emoji", () => {
    expect(idsOf(["Shipping it 🚀", "🎉"])).toEqual(["shipping-it-", ""]);
  });

  it("leaves the # title without an id and counts ####", () => {
    const tree = parseMarkdown("# Title\n\n## Notes\n\n#### Notes\n");
    expect(assignHeadingIds(tree).map((h) => [h.heading.depth, h.id])).toEqual([[2, "notes"], [4, "notes-1"]]);
  });

  it("ignores a line starting with ## inside a code fence", () => {
    const tree = parseMarkdown("## Real\n\n```sh\n## not a heading\n```\n\n### Also real\n");
    expect(assignHeadingIds(tree).map((h) => h.id)).toEqual(["real", "also-real"]);
  });

  it("uses the heading's plain text, not its markdown", () => {
    const tree = parseMarkdown("## Using `DuckDB` with **Polars**\n");
    expect(assignHeadingIds(tree).map((h) => h.id)).toEqual(["using-duckdb-with-polars"]);
  });
});

describe("renderMarkdown", () => {
  it("puts the same ids on the page's headings, with an anchor link each", () => {
    const html = renderMarkdown("## Lessons\n\ntext\n\n### Lessons\n");
    expect(html).toContain('<h2 id="lessons" tabindex="-1">Lessons<a href="#lessons" class="heading-anchor"');
    expect(html).toContain('<h3 id="lessons-1"');
  });

  it("drops raw HTML from the markdown", () => {
    expect(renderMarkdown("hi <script>alert(1)</script> <img src=x onerror=alert(1)>")).not.toMatch(/<script|onerror/);
  });

  it("renders GFM tables and task lists", () => {
    const html = renderMarkdown("| a |\n|---|\n| 1 |\n\n- [x] done\n");
    expect(html).toContain("<table>");
    expect(html).toContain('type="checkbox"');
  });
});
