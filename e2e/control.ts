import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeEach, inject } from "vitest";

type Controllable = Record<string, unknown>;

/**
 * A tiny loopback server that lets browser tests (running in vitest workers) steer the
 * fakes living in the global-setup process: `POST /<service>/<method>` with a JSON array
 * of arguments calls that method and answers its JSON result.
 */
export async function startControlServer(services: Record<string, Controllable>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (request, response) => {
    const [, service, method] = (request.url ?? "").split("/");
    const target = services[service ?? ""];
    const fn = target?.[method ?? ""];
    let body = "";
    for await (const chunk of request) body += chunk;
    if (request.method !== "POST" || typeof fn !== "function") {
      response.writeHead(404).end();
      return;
    }
    try {
      const args = body ? (JSON.parse(body) as unknown[]) : [];
      const result = await (fn as (...a: unknown[]) => unknown).apply(target, args);
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result ?? null));
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** From a browser test: calls `method` on a fake (`ollama` or `llm`) in the global setup. */
export async function controlFake(service: "ollama" | "llm", method: string, ...args: unknown[]): Promise<unknown> {
  const response = await fetch(`${inject("controlUrl")}/${service}/${method}`, { method: "POST", body: JSON.stringify(args) });
  if (!response.ok) throw new Error(`control ${service}.${method} failed: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Resets both fakes (recordings and runtime behaviours) before each test of the file, so no test inherits another's faults. */
export function resetFakesBeforeEach(): void {
  beforeEach(async () => {
    await controlFake("llm", "reset");
    await controlFake("ollama", "reset");
  });
}
