// What can be checked of deploy/compose.pi.yml and deploy/compose.gpu.yml without
// Docker: they parse, build the gateway from gateway/Containerfile, run it read-only with
// the tokens secret where the image looks for it, keep Ollama unpublished, and set the
// Ollama settings bge-m3 needs. The podman test (test/container/) runs the image itself.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readContainerfile, REPO_ROOT } from "./containerfile";

const FILES = ["deploy/compose.pi.yml", "deploy/compose.gpu.yml"];
const containerfile = readContainerfile();
const read = (file: string) => parse(fs.readFileSync(path.join(REPO_ROOT, file), "utf8"));

describe.each(FILES)("%s", (file) => {
  const compose = read(file);
  const { gateway, ollama } = compose.services;

  it("builds the gateway from gateway/Containerfile at the repo root and runs it read-only without capabilities", () => {
    const context = path.resolve(path.dirname(path.join(REPO_ROOT, file)), gateway.build.context);
    expect(context).toBe(REPO_ROOT);
    expect(fs.existsSync(path.join(context, gateway.build.dockerfile))).toBe(true);
    expect(gateway).toMatchObject({ read_only: true, cap_drop: ["ALL"] });
  });

  it("mounts the tokens secret where the image's GATEWAY_TOKENS_FILE points", () => {
    const [secret] = gateway.secrets;
    expect(`/run/secrets/${secret.target}`).toBe(containerfile.env.GATEWAY_TOKENS_FILE);
    expect(compose.secrets[secret.source].file).toMatch(/^\//);
  });

  it("points the gateway at the ollama service and publishes the gateway's port only, never Ollama's", () => {
    const port = Number(ollama.environment.OLLAMA_HOST.split(":").at(-1));
    expect(gateway.environment.OLLAMA_URL).toBe(`http://ollama:${port}`);
    expect(ollama.ports).toBeUndefined();
    expect(gateway.ports.map((p: string) => Number(p.split(":").at(-1)))).toEqual([containerfile.exposedPort]);
    expect(gateway.networks.filter((n: string) => ollama.networks.includes(n)).length).toBeGreaterThan(0);
  });

  it("keeps bge-m3 loaded and gives it its full 8,192-token window", () => {
    expect(ollama.environment).toMatchObject({ OLLAMA_CONTEXT_LENGTH: "8192" });
    expect(ollama.environment.OLLAMA_KEEP_ALIVE).toBeTruthy();
  });
});

describe("the Pi and GPU compose files", () => {
  it("the Pi's cloudflared shares a network with the gateway and none with Ollama", () => {
    const { cloudflared, ollama, gateway } = read("deploy/compose.pi.yml").services;
    expect(cloudflared.networks.filter((n: string) => gateway.networks.includes(n))).not.toEqual([]);
    expect(cloudflared.networks.filter((n: string) => ollama.networks.includes(n))).toEqual([]);
  });

  it("the GPU box reserves the NVIDIA GPU for Ollama", () => {
    const { ollama } = read("deploy/compose.gpu.yml").services;
    expect(ollama.deploy.resources.reservations.devices).toEqual([{ driver: "nvidia", count: "all", capabilities: ["gpu"] }]);
  });

  it("the Containerfile has a node HEALTHCHECK on /healthz and defaults to the official Node 22 slim image", () => {
    expect(containerfile.healthcheck).toMatch(/CMD \["node",.*\/healthz/);
    expect(fs.readFileSync(path.join(REPO_ROOT, "gateway/Containerfile"), "utf8")).toMatch(/^ARG NODE_IMAGE=docker\.io\/library\/node:22-bookworm-slim$/m);
  });
});
