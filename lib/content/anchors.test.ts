import { describe, expect, it } from "vitest";
import { assignHeadingIds, slugifyHeadings } from "./anchors";
import { parseMarkdown, renderMarkdown } from "./markdown";

describe("slugifyHeadings", () => {
  it("gives repeated headings -1, -2 in document order", () => {
    expect(slugifyHeadings(["Lessons", "Lessons", "Lessons"])).toEqual(["lessons", "lessons-1", "lessons-2"]);
  });

  it("drops punctuation and keeps hyphens", () => {
    expect(slugifyHeadings(["What's next? (2026 edition)", "C++ & Rust: a comparison"])).toEqual([
      "whats-next-2026-edition",
      "c--rust-a-comparison",
    ]);
  });

  it("keeps non-ASCII letters lower-cased", () => {
    expect(slugifyHeadings(["Szeged: Halászlé", "Pão de Deus"])).toEqual(["szeged-halászlé", "pão-de-deus"]);
  });

  it("drops emoji", () => {
    expect(slugifyHeadings(["Shipping it 🚀", "🎉"])).toEqual(["shipping-it-", ""]);
  });
});

describe("assignHeadingIds", () => {
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
