// The built gateway as the Pi runs it: `node gateway/dist/gateway.mjs`, a real process.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeOllama } from "../../test/fake-ollama";
import type { FakeOllama } from "../../test/fake-ollama";
import { OTHER_TOKEN, TOKEN, post, writeTokensFile } from "./testing";

const DIST = new URL("../dist/gateway.mjs", import.meta.url).pathname;

type Running = { child: ChildProcess; output: () => string; waitFor: (pattern: RegExp) => Promise<string>; exited: Promise<number | null> };

function spawnGateway(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [DIST], { env: { PATH: process.env.PATH ?? "", GATEWAY_PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          listeners.delete(check);
          resolve(match[0]);
        }
      };
      listeners.add(check);
      void exited.then(() => reject(new Error(`gateway exited; output:\n${output}`)));
      check();
    });
  return { child, output: () => output, waitFor, exited };
}

let fake: FakeOllama;
let running: Running | undefined;
beforeEach(async () => {
  fake = await startFakeOllama({ dimensions: 8 });
});
afterEach(async () => {
  running?.child.kill("SIGKILL");
  running = undefined;
  await fake.close();
});

describe("gateway.mjs as a process", () => {
  it("starts, answers, and on SIGTERM finishes the request in flight before exiting 0", async () => {
    const tokensFile = writeTokensFile(`${TOKEN}\n`);
    running = spawnGateway({ GATEWAY_TOKENS_FILE: tokensFile, OLLAMA_URL: fake.url });
    const url = await running.waitFor(/http:\/\/127\.0\.0\.1:\d+/);
    expect(await (await fetch(`${url}/healthz`)).text()).toBe("ok");
    expect((await post(`${url}/api/embed`, { token: TOKEN })).status).toBe(200);
    fake.setDelay(300);
    // Another text: the first one is in the gateway's cache now.
    const inFlight = post(`${url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: "in flight" } });
    await expect.poll(() => fake.concurrent).toBe(1);
    running.child.kill("SIGTERM");
    expect((await inFlight).status).toBe(200);
    expect(await running.exited).toBe(0);
    expect(running.output()).not.toContain(TOKEN);
  });

  it("rotates tokens on SIGHUP: the old one refused, the new one accepted, requests in flight finish", async () => {
    // Attack: a leaked token must be revocable without downtime.
    const tokensFile = writeTokensFile(`${TOKEN}\n`);
    running = spawnGateway({ GATEWAY_TOKENS_FILE: tokensFile, OLLAMA_URL: fake.url });
    const url = await running.waitFor(/http:\/\/127\.0\.0\.1:\d+/);
    fake.setDelay(300);
    const inFlight = post(`${url}/api/embed`, { token: TOKEN });
    await expect.poll(() => fake.concurrent).toBe(1);
    writeFileSync(tokensFile, `# rotated\n${OTHER_TOKEN}\n`);
    process.kill(running.child.pid as number, "SIGHUP");
    await running.waitFor(/tokens reloaded: 1 allowed/);
    fake.setDelay(0);
    expect((await post(`${url}/api/embed`, { token: TOKEN })).status).toBe(401);
    expect((await post(`${url}/api/embed`, { token: OTHER_TOKEN })).status).toBe(200);
    expect((await inFlight).status).toBe(200);
  });

  it("keeps the old tokens when the reloaded file is unsafe", async () => {
    const tokensFile = writeTokensFile(`${TOKEN}\n`);
    running = spawnGateway({ GATEWAY_TOKENS_FILE: tokensFile, OLLAMA_URL: fake.url });
    const url = await running.waitFor(/http:\/\/127\.0\.0\.1:\d+/);
    writeFileSync(tokensFile, `${OTHER_TOKEN}\n`);
    chmodSync(tokensFile, 0o644);
    process.kill(running.child.pid as number, "SIGHUP");
    await running.waitFor(/tokens NOT reloaded/);
    expect((await post(`${url}/api/embed`, { token: TOKEN })).status).toBe(200);
  });

  it("refuses to start when the tokens file is readable by others (mode 644)", async () => {
    // Attack: any local user reading the secret from a world-readable file.
    running = spawnGateway({ GATEWAY_TOKENS_FILE: writeTokensFile(`${TOKEN}\n`, 0o644), OLLAMA_URL: fake.url });
    expect(await running.exited).toBe(1);
    expect(running.output()).toMatch(/has mode 644: it must not be readable by group or others/);
  });

  it("refuses to start on a token line `secret#2024`, naming the line number and never the token", async () => {
    // Attack (by accident): the line used to load as the shorter token `secret`.
    const secret = "0123456789abcdef0123456789";
    running = spawnGateway({ GATEWAY_TOKENS_FILE: writeTokensFile(`# deploys\n${TOKEN}\n${secret}#2024\n`), OLLAMA_URL: fake.url });
    expect(await running.exited).toBe(1);
    expect(running.output()).toMatch(/line 3 holds a space or a "#" inside the token/);
    expect(running.output()).not.toContain(secret);
  });

  it("serves Prometheus metrics on a second, loopback listener when GATEWAY_METRICS_PORT is set", async () => {
    running = spawnGateway({ GATEWAY_TOKENS_FILE: writeTokensFile(`${TOKEN}\n`), OLLAMA_URL: fake.url, GATEWAY_METRICS_PORT: "0" });
    const url = await running.waitFor(/http:\/\/127\.0\.0\.1:\d+(?=,)/);
    const metricsUrl = (await running.waitFor(/metrics on http:\/\/127\.0\.0\.1:\d+\/metrics/)).replace("metrics on ", "");
    expect((await post(`${url}/api/embed`, { token: TOKEN })).status).toBe(200);
    const text = await (await fetch(metricsUrl)).text();
    expect(text).toContain('embed_gateway_requests_total{route="/api/embed",status="200"} 1');
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
  });

  it("refuses to start with a clear message on bad settings", async () => {
    running = spawnGateway({ GATEWAY_PORT: "eleven", GATEWAY_BURST: "0" });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('GATEWAY_PORT must be an integer >= 0, got "eleven"');
    expect(running.output()).toContain("GATEWAY_BURST must be an integer >= 1");
    expect(running.output()).toContain("GATEWAY_TOKENS_FILE is required");
  });
});
