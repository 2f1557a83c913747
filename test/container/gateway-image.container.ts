// The gateway's container image, built from gateway/Containerfile and run with podman
// the way deploy/compose.pi.yml runs it: read-only root, the tokens file mounted at
// /run/secrets/gateway-tokens (mode 600, uid 1000), Ollama given by OLLAMA_URL. The
// fake Ollama stands in for Ollama on the host network. Build time and sizes are printed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { freePort } from "@/test/free-port";
import { buildGatewayImage, ensureNodeBase, GATEWAY_IMAGE, NODE_BASE_IMAGE, podman, podmanStatus } from "./podman";

/** The official image's `node` user, which the Containerfile switches to. */
const NODE_UID = 1000;

/** How long the container may take to answer /healthz: a hang guard, not a timing check. */
const START_GUARD_MS = 30_000;

/** The gateway's /healthz caches its Ollama probe for 1 s; waiting past that sees a change. */
const HEALTH_CACHE_MS = 1_000;

const container = `embed-gateway-test-${process.pid}`;
const token = `container-test-${"a".repeat(40)}`;
let fake: FakeOllama;
let work: string;
let port: number;
let base: string;

/** Writes the tokens file as a deployment would: mode 600, owned by the container's uid 1000. */
function writeTokensFile(dir: string): string {
  const file = path.join(dir, "gateway-tokens");
  // A comment stands on its own line: the gateway refuses a token line holding `#` or spaces.
  fs.writeFileSync(file, `# container test\n${token}\n`, { mode: 0o600 });
  if (process.getuid?.() === 0) fs.chownSync(file, NODE_UID, NODE_UID);
  else execFileSync("podman", ["unshare", "chown", `${NODE_UID}:${NODE_UID}`, file]); // rootless: uid 1000 inside the user namespace
  return file;
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + START_GUARD_MS;
  while (Date.now() < deadline) {
    const status = await fetch(`${base}/healthz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the container never answered /healthz 200:\n${await podman(["logs", container]).catch(String)}`);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

beforeAll(async () => {
  const baseSeconds = await ensureNodeBase();
  const buildSeconds = await buildGatewayImage();
  const size = Number(await podman(["image", "inspect", "--format", "{{.Size}}", GATEWAY_IMAGE]));
  const baseSize = Number(await podman(["image", "inspect", "--format", "{{.Size}}", NODE_BASE_IMAGE]));
  console.log(`base ${NODE_BASE_IMAGE}: ${baseSeconds ? `made in ${baseSeconds.toFixed(1)} s` : "cached"}, ${mib(baseSize)}`);
  console.log(`image ${GATEWAY_IMAGE}: built in ${buildSeconds.toFixed(1)} s, ${mib(size)} (${((size - baseSize) / 1024).toFixed(1)} KiB over the base)`);

  fake = await startFakeOllama({ dimensions: 8 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), "gateway-container-"));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await podman(["rm", "-f", "--ignore", container]);
  await podman([
    "run", "-d", "--name", container, "--read-only", "--network=host",
    "-e", `GATEWAY_PORT=${port}`, "-e", `OLLAMA_URL=${fake.url}`,
    "-v", `${writeTokensFile(work)}:/run/secrets/gateway-tokens:ro`,
    GATEWAY_IMAGE,
  ]);
  await waitForHealth();
});

afterAll(async () => {
  await podman(["rm", "-f", "--ignore", container]).catch(() => {});
  await fake?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the gateway container image", () => {
  it("answers GET /healthz 200 and an embed 200 with the token from the mounted secret; a wrong token gets 401 and never reaches Ollama", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    fake.reset();
    const embed = (bearer: string) =>
      fetch(`${base}/api/embed`, { method: "POST", headers: { Authorization: `Bearer ${bearer}` }, body: JSON.stringify({ model: "bge-m3", input: ["hello from a container"] }) });
    const ok = await embed(token);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { embeddings: number[][] };
    expect(body.embeddings).toHaveLength(1);
    expect(body.embeddings[0]).toHaveLength(8);
    expect((await embed(`${token}x`)).status).toBe(401);
    expect(fake.requests.filter((r) => r.path === "/api/embed")).toHaveLength(1);
  });

  it("runs the gateway as uid 1000 (the image's `node` user), not root", async () => {
    expect(await podman(["image", "inspect", "--format", "{{.User}}", GATEWAY_IMAGE])).toBe("node");
    const pid = Number(await podman(["inspect", "--format", "{{.State.Pid}}", container]));
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const uids = /^Uid:\s+(.*)$/m.exec(status)![1]!.trim().split(/\s+/).map(Number);
    expect(uids).toEqual([NODE_UID, NODE_UID, NODE_UID, NODE_UID]); // real, effective, saved, fs
    expect(await podman(["exec", container, "id", "-u"])).toBe(String(NODE_UID));
  });

  it("refuses a write to / even for root inside the container: the root filesystem is read-only", async () => {
    const asRoot = await podmanStatus(["exec", "--user", "0", container, "touch", "/written-by-root"]);
    expect(asRoot.code).not.toBe(0);
    expect(asRoot.stderr).toMatch(/Read-only file system/);
    const asNode = await podmanStatus(["exec", container, "sh", "-c", "echo x > /app/gateway.mjs"]);
    expect(asNode.code).not.toBe(0);
  });

  it("has a HEALTHCHECK run by node (no curl) that passes while Ollama answers and fails once it is down", async () => {
    const check = await podman(["image", "inspect", "--format", "{{json .HealthCheck.Test}}", GATEWAY_IMAGE]);
    expect(JSON.parse(check).slice(0, 2)).toEqual(["CMD", "node"]);
    expect((await podmanStatus(["healthcheck", "run", container])).code).toBe(0);
    await fake.goDown();
    try {
      await new Promise((resolve) => setTimeout(resolve, HEALTH_CACHE_MS + 200));
      expect((await podmanStatus(["healthcheck", "run", container])).code).not.toBe(0);
    } finally {
      await fake.comeUp();
    }
  });
});
