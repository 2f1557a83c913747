import type { Element, Root as HastRoot } from "hast";
import type { Root } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { assignHeadingIds } from "./anchors";

/** Parses markdown into an mdast tree with GFM; the pages and the chunker share this parser. */
export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

/** Adds a visible `#` link to every heading that has an id, so a section can be linked. */
function rehypeHeadingLinks() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (!/^h[2-6]$/.test(node.tagName)) return;
      const id = node.properties?.id;
      if (typeof id !== "string") return;
      node.properties = { ...node.properties, tabIndex: -1 };
      node.children.push({
        type: "element",
        tagName: "a",
        properties: { href: `#${id}`, className: ["heading-anchor"], ariaLabel: "Link to this section" },
        children: [{ type: "text", value: "#" }],
      });
    });
  };
}

/** An element's text, leaving out nested lists (a task's own words, not its sub-tasks'). */
function ownText(node: Element): string {
  return node.children
    .map((child) => (child.type === "text" ? child.value : child.type === "element" && child.tagName !== "ul" && child.tagName !== "ol" ? ownText(child) : ""))
    .join("");
}

/** Names each GFM task-list checkbox by its item's words: a bare `<input type="checkbox">` has no accessible name (axe's "label" rule). */
function rehypeTaskLabels() {
  return (tree: HastRoot) => {
    visit(tree, "element", (item: Element) => {
      const classes = item.properties?.className;
      if (item.tagName !== "li" || !Array.isArray(classes) || !classes.includes("task-list-item")) return;
      const label = ownText(item).replace(/\s+/g, " ").trim();
      visit(item, "element", (node: Element) => {
        if (node.tagName === "input" && node.properties?.type === "checkbox" && label) node.properties = { ...node.properties, ariaLabel: label };
      });
    });
  };
}

/**
 * Renders a document body to HTML with an id and an anchor link on every `##`/`###`, and task checkboxes named.
 * Raw HTML in the markdown is dropped (remark-rehype without `allowDangerousHtml`).
 */
export function renderMarkdown(markdown: string): string {
  const tree = parseMarkdown(markdown);
  assignHeadingIds(tree);
  const processor = unified().use(remarkRehype).use(rehypeHeadingLinks).use(rehypeTaskLabels).use(rehypeStringify);
  const hast = processor.runSync(tree);
  return processor.stringify(hast as HastRoot);
}
