import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

/** Plain text of one top-level markdown block: code keeps its lines, lists and tables keep one line per item or row. */
export function blockToPlainText(node: RootContent): string {
  switch (node.type) {
    case "code":
      return node.value;
    case "html":
      return "";
    case "list":
      return node.children.map((item) => `- ${item.children.map(blockToPlainText).filter(Boolean).join(" ")}`).join("\n");
    case "table":
      return node.children.map((row) => row.children.map((cell) => toString(cell)).join(" | ")).join("\n");
    case "thematicBreak":
      return "";
    default:
      return toString(node).trim();
  }
}
