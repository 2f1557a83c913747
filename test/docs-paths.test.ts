import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const DOCS = ["README.md", "CONTRIBUTING.md", ...fs.readdirSync(path.join(root, "docs")).map((name) => `docs/${name}`)];

/** Top-level folders and files of the project; a code span starting with one is a path. */
const PROJECT_ROOTS = /^(app|components|content|lib|scripts|public|gateway|test|e2e|deploy|docs|eval|reports|\.ci)\/|^(README|CONTRIBUTING)\.md$|^(package\.json|next\.config\.mjs|vercel\.json|\.env\.example|tsconfig\.json|vitest\.config\.ts)$/;

/** Code spans that name a repository path: `lib/chat/handler.ts`, `docs/pi.md`, `.ci/run`. */
function pathsNamedIn(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!.replace(/[.,:;]$/, ""));
  // Globs and placeholders (`content/posts/<slug>.md`, `gateway/src/*.ts`) are patterns, not paths.
  return spans.filter((span) => PROJECT_ROOTS.test(span) && !/[<>*{}]/.test(span));
}

/** Outputs git ignores (`reports/eval.md`, written by `npm run eval`) are named in the docs but absent from a fresh clone. */
function isGenerated(named: string): boolean {
  try {
    execFileSync("git", ["check-ignore", "-q", "--no-index", named], { cwd: root });
    return true;
  } catch {
    return false;
  }
}

/** Source and test files a contributor can change, as git tracks them. */
function trackedSourceFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  return listed.split("\n").filter((file) => /^(app|components|lib|scripts|test|e2e|gateway\/src)\/.*\.(ts|tsx|mjs)$/.test(file) && fs.existsSync(path.join(root, file)));
}

describe("the docs", () => {
  it.each(DOCS)("%s names only paths that exist", (doc) => {
    const missing = pathsNamedIn(fs.readFileSync(path.join(root, doc), "utf8"))
      .filter((named) => !fs.existsSync(path.join(root, named)))
      .filter((named) => !isGenerated(named)); // one git call per missing path only
    expect(missing).toEqual([]);
  });

  it("CONTRIBUTING.md maps every source and test file", () => {
    const contributing = fs.readFileSync(path.join(root, "CONTRIBUTING.md"), "utf8");
    const unmapped = trackedSourceFiles().filter((file) => !contributing.includes(`\`${file}\``));
    expect(unmapped).toEqual([]);
  });
});
