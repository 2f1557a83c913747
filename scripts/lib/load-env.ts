import nextEnv from "@next/env";

/**
 * Loads `.env`, `.env.local` and their `.development`/`.production` variants the way
 * `next dev` and `next build` do, so the indexer, search and eval see the same settings
 * as the site (an `EMBED_URL` in `.env.local` must not be silently ignored at build).
 * Variables already set in the environment win, as in Next.
 */
export function loadProjectEnv({ dev }: { dev: boolean }): void {
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
}
