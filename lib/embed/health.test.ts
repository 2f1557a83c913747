import { describe, expect, it } from "vitest";
import { startFakeOllama } from "@/test/fake-ollama";
import { probeEndpoint, probeUrl } from "./health";

const endpoint = (url: string) => ({ url, api: "ollama" as const, model: "bge-m3" });

describe("probeUrl", () => {
  it("knocks on the gateway's /healthz, whatever the base URL's trailing slash or /v1", () => {
    expect(probeUrl(endpoint("https://embed.example.org"))).toBe("https://embed.example.org/healthz");
    expect(probeUrl(endpoint("https://embed.example.org/"))).toBe("https://embed.example.org/healthz");
    expect(probeUrl(endpoint("http://gpu.lan:8000/v1"))).toBe("http://gpu.lan:8000/healthz");
  });
});

describe("probeEndpoint", () => {
  it("counts any HTTP answer as up (plain Ollama answers /healthz with 404) and a refused connection as down", async () => {
    const fake = await startFakeOllama();
    expect(await probeEndpoint(endpoint(fake.url))).toBeUndefined();
    expect(fake.requests.map((r) => r.path)).toEqual(["/healthz"]);
    await fake.close();
    expect(await probeEndpoint(endpoint(fake.url))).toMatch(/ECONNREFUSED|fetch failed|refused/i);
  });
});
