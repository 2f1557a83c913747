// Podman for the container test: every call with this folder's containers.conf (runc,
// cgroupfs, host network, no default ulimits) unless CONTAINERS_CONF is already set, and
// the local Node base image made once (debootstrap) and then reused.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** The base image the gateway is built on here: a local stand-in for the official node:22-bookworm-slim. */
export const NODE_BASE_IMAGE = process.env.NODE_IMAGE ?? "localhost/node-base:22-bookworm";

/** The gateway image the test builds and runs. */
export const GATEWAY_IMAGE = process.env.GATEWAY_IMAGE ?? "localhost/embed-gateway:test";

const podmanEnv = { ...process.env, CONTAINERS_CONF: process.env.CONTAINERS_CONF ?? path.join(import.meta.dirname, "containers.conf") };

/** Runs `podman <args>` from the repo root; rejects with podman's stderr on a non-zero exit. */
export async function podman(args: string[], timeoutMs = 120_000): Promise<string> {
  try {
    const { stdout } = await run("podman", args, { cwd: REPO_ROOT, env: podmanEnv, timeout: timeoutMs, maxBuffer: 16 << 20 });
    return stdout.trim();
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: number };
    throw new Error(`podman ${args.join(" ")} exited with ${code}: ${(stderr ?? "").trim().slice(-2000)}`);
  }
}

/** Exit code of `podman <args>` (0 on success), for checks that are expected to fail. */
export async function podmanStatus(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run("podman", args, { cwd: REPO_ROOT, env: podmanEnv, timeout: 60_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const { code, stderr } = error as { code?: number; stderr?: string };
    return { code: typeof code === "number" ? code : -1, stderr: stderr ?? "" };
  }
}

/** Makes the local Node base image unless it exists already; returns the seconds it took (0 when cached). */
export async function ensureNodeBase(): Promise<number> {
  if ((await podmanStatus(["image", "exists", NODE_BASE_IMAGE])).code === 0) return 0;
  const started = Date.now();
  await run(path.join(import.meta.dirname, "make-node-base.sh"), [NODE_BASE_IMAGE], { cwd: REPO_ROOT, env: podmanEnv, timeout: 600_000 });
  return (Date.now() - started) / 1000;
}

/** Builds the gateway image from the repo root exactly as docs/pi.md says; returns the seconds it took. */
export async function buildGatewayImage(): Promise<number> {
  const started = Date.now();
  await podman(["build", "-f", "gateway/Containerfile", "--pull=never", "--format", "docker", "--build-arg", `NODE_IMAGE=${NODE_BASE_IMAGE}`, "-t", GATEWAY_IMAGE, "."], 600_000);
  return (Date.now() - started) / 1000;
}
