// Reads what the deploy files must agree with from gateway/Containerfile: its exposed
// port, its ENV defaults and its user. Dockerfile syntax, only as much as the file uses.
import fs from "node:fs";
import path from "node:path";

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** The facts of gateway/Containerfile the compose files and K3s manifests rely on. */
export interface ContainerfileFacts {
  exposedPort: number;
  env: Record<string, string>;
  user: string;
  healthcheck: string;
}

/** Parses gateway/Containerfile's EXPOSE, ENV (key=value pairs, continued lines), USER and HEALTHCHECK. */
export function readContainerfile(file = path.join(REPO_ROOT, "gateway/Containerfile")): ContainerfileFacts {
  const instructions = fs.readFileSync(file, "utf8").replace(/\\\n/g, " ").split("\n").filter((line) => /^[A-Z]+\s/.test(line));
  const argument = (name: string) => instructions.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1).trim());
  const env = Object.fromEntries(argument("ENV").flatMap((line) => [...line.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])));
  return { exposedPort: Number(argument("EXPOSE")[0]), env, user: argument("USER")[0] ?? "root", healthcheck: argument("HEALTHCHECK")[0] ?? "" };
}
