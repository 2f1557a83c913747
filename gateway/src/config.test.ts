import { describe, expect, it } from "vitest";
import { DEFAULTS, loadConfig } from "./config";

describe("loadConfig", () => {
  it("uses the documented defaults: 127.0.0.1:11435, bge-m3, burst 30, refill 6", () => {
    const config = loadConfig({ GATEWAY_TOKENS_FILE: "/etc/tokens" });
    expect(config).toMatchObject({ host: "127.0.0.1", port: 11435, models: ["bge-m3"], burst: 30, refillPerMin: 6, maxBodyBytes: 1_000_000 });
    expect(config.upstreams.map((u) => [u.url.href, u.concurrency])).toEqual([["http://127.0.0.1:11434/", 2]]);
    expect(config).toMatchObject({ maxConnections: 256, cacheEntries: 2_000, metricsPort: undefined });
  });

  it("reads every variable, and the tokens from systemd's credentials directory", () => {
    const config = loadConfig({
      CREDENTIALS_DIRECTORY: "/run/credentials/embed-gateway.service",
      OLLAMA_URL: "http://10.0.0.2:11434",
      GATEWAY_HOST: "0.0.0.0",
      GATEWAY_PORT: "9000",
      GATEWAY_MODELS: "bge-m3, nomic-embed-text",
      GATEWAY_BURST: "5",
      GATEWAY_REFILL_PER_MIN: "60",
      GATEWAY_CONCURRENCY: "4",
    });
    expect(config).toMatchObject({ host: "0.0.0.0", port: 9000, models: ["bge-m3", "nomic-embed-text"], burst: 5, refillPerMin: 60, concurrency: 4 });
    expect(config.tokensFile).toBe("/run/credentials/embed-gateway.service/gateway-tokens");
    expect(config.upstreams.map((u) => u.url.host)).toEqual(["10.0.0.2:11434"]);
  });

  it("reads several upstreams, each with the default cap or its own `*N`", () => {
    const config = loadConfig({ GATEWAY_TOKENS_FILE: "/t", OLLAMA_URL: "http://pi.lan:11434, http://gpu.lan:11434*8", GATEWAY_CONCURRENCY: "1" });
    expect(config.upstreams.map((u) => [u.url.host, u.concurrency])).toEqual([["pi.lan:11434", 1], ["gpu.lan:11434", 8]]);
  });

  it("reads the metrics listener, the connection cap and the cache size", () => {
    const config = loadConfig({ GATEWAY_TOKENS_FILE: "/t", GATEWAY_METRICS_PORT: "9464", GATEWAY_MAX_CONNECTIONS: "64", GATEWAY_CACHE_ENTRIES: "0" });
    expect(config).toMatchObject({ metricsHost: "127.0.0.1", metricsPort: 9464, maxConnections: 64, cacheEntries: 0 });
  });

  it("turns the fast path off with GATEWAY_FAST_PATH=0, on by default, and refuses anything but 0 or 1", () => {
    expect(loadConfig({ GATEWAY_TOKENS_FILE: "/t" }).fastPath).toBe(true);
    expect(loadConfig({ GATEWAY_TOKENS_FILE: "/t", GATEWAY_FAST_PATH: "0" }).fastPath).toBe(false);
    expect(() => loadConfig({ GATEWAY_TOKENS_FILE: "/t", GATEWAY_FAST_PATH: "off" })).toThrow(/GATEWAY_FAST_PATH must be 0 or 1, got "off"/);
  });

  it("refuses a bad upstream list: not a URL, another scheme, a repeat, a zero cap", () => {
    const attempt = (list: string) => () => loadConfig({ GATEWAY_TOKENS_FILE: "/t", OLLAMA_URL: list });
    expect(attempt("http://a:1,nope")).toThrow(/not a URL: "nope"/);
    expect(attempt("http://a:1,unix:///x")).toThrow(/http\(s\)/);
    expect(attempt("http://a:1,http://a:1")).toThrow(/a:1 twice/);
    expect(attempt("http://a:1*0")).toThrow(/must be >= 1/);
  });

  it("lists every problem at once", () => {
    expect(() => loadConfig({ OLLAMA_URL: "ftp://x", GATEWAY_PORT: "70000", GATEWAY_QUEUE: "-1" })).toThrow(
      /OLLAMA_URL must list http[\s\S]*GATEWAY_TOKENS_FILE is required[\s\S]*GATEWAY_QUEUE must be an integer >= 0[\s\S]*GATEWAY_PORT must be <= 65535/
    );
  });

  it("refuses a headers timeout longer than the request timeout", () => {
    expect(() => loadConfig({ GATEWAY_TOKENS_FILE: "/t", GATEWAY_HEADERS_TIMEOUT_MS: String(DEFAULTS.requestTimeoutMs + 1) })).toThrow(/HEADERS_TIMEOUT/);
  });
});
