import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("names each task-list checkbox by its own item's words (a bare checkbox has no accessible name), not its sub-tasks'", () => {
    const html = renderMarkdown("- [x] Ship **the talk**\n- [ ] Write the docs\n  - [ ] the README\n");
    const labels = [...html.matchAll(/<input type="checkbox"[^>]*aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(labels).toEqual(["Ship the talk", "Write the docs", "the README"]);
    expect(html.match(/<input /g)).toHaveLength(3);
  });

  it("leaves other lists and their words alone", () => {
    const html = renderMarkdown("- plain item\n- [link](/blog)\n");
    expect(html).not.toContain("aria-label");
    expect(html).toContain('<a href="/blog">link</a>');
  });
});
