// Proves no secret reaches the browser: builds the site (in a throwaway copy, so it never
// races another build in the checkout) with dummy secret values in the environment, then
// scans everything Next serves as static files for them.
//   npx tsx scripts/check-no-secrets.ts              build a copy with dummy secrets, scan it
//   npx tsx scripts/check-no-secrets.ts --dir <root> scan an existing build; secrets from EMBED_SECRET/GROQ_API_KEY
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Dummy values the check builds with: long and unique, so a hit cannot be a coincidence. */
export const DUMMY_SECRETS = { EMBED_SECRET: "check-embed-secret-5c1e9b7a2d", GROQ_API_KEY: "gsk_check_groq_key_71f3a0c94e" };

/** Longest a build may take before the check gives up. */
const BUILD_TIMEOUT_MS = 10 * 60_000;

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const SKIPPED = new Set(["node_modules", ".next", ".git", "test-results", ".index"]);

/**
 * Copies the repo (minus node_modules, builds and git) to a temp dir and returns its root.
 * node_modules is hard-linked, not symlinked: Turbopack refuses a node_modules outside the project root.
 */
export function copySite(root = repoRoot): string {
  const dir = mkdtempSync(path.join(tmpdir(), "site-build-"));
  const top = root.replace(/\/$/, "");
  cpSync(top, dir, { recursive: true, filter: (src) => !SKIPPED.has(path.basename(src)) || path.dirname(src) !== top });
  const linked = spawnSync("cp", ["-al", path.join(top, "node_modules"), path.join(dir, "node_modules")]);
  if (linked.status !== 0) throw new Error(`could not link node_modules into ${dir}: ${linked.stderr}`);
  return dir;
}

/** Runs `npm run build` (indexer, then next build) in `dir` with `env` added; rejects with its output on failure. */
export function buildSite({ dir, env }: { dir: string; env: Record<string, string> }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), BUILD_TIMEOUT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm run build failed in ${dir} (exit ${code}):\n${output.slice(-4_000)}`));
    });
  });
}

/** Files under `<root>/.next/static` (and prerendered HTML) containing any of `secrets`. */
export function scanForSecrets({ root, secrets }: { root: string; secrets: string[] }): string[] {
  const served = [path.join(root, ".next/static"), path.join(root, ".next/server/app")];
  const hits: string[] = [];
  const visit = (file: string) => {
    if (statSync(file).isDirectory()) return readdirSync(file).forEach((name) => visit(path.join(file, name)));
    // Server bundles legitimately read env at run time; only what the browser receives matters.
    if (file.includes(`${path.sep}static${path.sep}`) || /\.(html|rsc|body)$/.test(file)) {
      const text = readFileSync(file, "latin1");
      if (secrets.some((secret) => text.includes(secret))) hits.push(path.relative(root, file));
    }
  };
  for (const dir of served) if (existsSync(dir)) visit(dir);
  return hits;
}

/** Builds a copy with dummy secrets and scans it; `{ ok, hits }`, and the copy is removed unless `keep`. */
export async function checkNoSecrets({ keep = false }: { keep?: boolean } = {}): Promise<{ ok: boolean; hits: string[]; root: string }> {
  const root = copySite();
  try {
    await buildSite({ dir: root, env: DUMMY_SECRETS });
    if (!existsSync(path.join(root, ".next/static"))) throw new Error("the build produced no .next/static");
    const hits = scanForSecrets({ root, secrets: Object.values(DUMMY_SECRETS) });
    return { ok: hits.length === 0, hits, root };
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dirFlag = process.argv.indexOf("--dir");
  const result =
    dirFlag > 0
      ? (() => {
          const root = path.resolve(process.argv[dirFlag + 1]!);
          const secrets = [process.env.EMBED_SECRET, process.env.GROQ_API_KEY].filter((s): s is string => Boolean(s));
          if (secrets.length === 0) throw new Error("--dir needs the secret values the build used in EMBED_SECRET and/or GROQ_API_KEY");
          const hits = scanForSecrets({ root, secrets });
          return { ok: hits.length === 0, hits, root };
        })()
      : await checkNoSecrets();
  if (result.ok) console.log("check-no-secrets: ok, no secret value in .next/static or prerendered pages");
  else console.error(`check-no-secrets: secret values found in:\n  ${result.hits.join("\n  ")}`);
  process.exit(result.ok ? 0 : 1);
}
