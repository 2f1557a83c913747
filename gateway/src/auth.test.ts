// Attacks on who may call the gateway and what it exposes. Each test opens with the attack.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OTHER_TOKEN, TOKEN, post, rawRequest, startHarness, statusOf, upstreamPaths } from "./testing";
import type { Harness } from "./testing";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ burst: 3 });
});
afterEach(async () => {
  await h.stop();
});

describe("createServer: tokens", () => {
  it("answers 401 without a token and never calls Ollama", async () => {
    // Attack: no token at all.
    const res = await post(`${h.url}/api/embed`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await res.json()).toEqual({ error: "missing or invalid bearer token" });
    expect(h.fake.requests).toHaveLength(0);
  });

  it("answers 401 for a wrong token of the same length", async () => {
    // Attack: guessing a token of the right length.
    const wrong = TOKEN.slice(0, -1) + "X";
    expect((await post(`${h.url}/api/embed`, { token: wrong })).status).toBe(401);
    expect(h.fake.requests).toHaveLength(0);
  });

  it("answers 401 for tokens of other lengths, a prefix and an empty bearer", async () => {
    // Attack: a token of another length (a prefix, a longer one, empty): lengths must not matter or leak.
    for (const token of [TOKEN.slice(0, 10), TOKEN + "x", " ", "Bearer"]) {
      expect((await post(`${h.url}/api/embed`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    }
    expect((await post(`${h.url}/api/embed`, { headers: { authorization: TOKEN } })).status).toBe(401);
    expect((await post(`${h.url}/api/embed`, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    expect(h.fake.requests).toHaveLength(0);
  });

  it("ignores a token in the query string", async () => {
    // Attack: the token in the URL (it would end up in logs and proxies), so it is never read from there.
    for (const query of [`token=${TOKEN}`, `access_token=${TOKEN}`, `api_key=${TOKEN}`]) {
      expect((await post(`${h.url}/api/embed?${query}`)).status).toBe(401);
    }
    expect(h.fake.requests).toHaveLength(0);
  });

  it("accepts every token of the file, and answers OpenAI's error shape on /v1", async () => {
    expect((await post(`${h.url}/api/embed`, { token: TOKEN })).status).toBe(200);
    expect((await post(`${h.url}/api/embed`, { token: OTHER_TOKEN })).status).toBe(200);
    const res = await post(`${h.url}/v1/embeddings`, { token: "nope" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: "missing or invalid bearer token", type: "invalid_request_error", code: "unauthorized" } });
  });

  it("never writes a token to the log, only a short hash prefix", async () => {
    // Attack: reading secrets out of the logs.
    await post(`${h.url}/api/embed`, { token: TOKEN });
    await post(`${h.url}/api/embed?token=${OTHER_TOKEN}`, { token: "wrong-token-wrong-token" });
    await post(`${h.url}/${TOKEN}`, { token: TOKEN });
    const log = h.logs.join("\n");
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(OTHER_TOKEN);
    expect(log).not.toContain("wrong-token");
    expect(h.logs).toHaveLength(3);
    expect(h.logs[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z [0-9a-f]{8} POST \/api\/embed 200 \d+ms$/);
    expect(h.logs[1]).toMatch(/ - POST \/api\/embed 401 /);
    expect(h.logs[2]).toMatch(/ - POST - 404 /);
  });

  it("keeps a good token's bucket full through a flood of bad tokens", async () => {
    // Attack: exhausting someone else's rate limit by hammering with bad tokens.
    await Promise.all(Array.from({ length: 60 }, (_, i) => post(`${h.url}/api/embed`, { token: `bad-token-number-${i}` })));
    for (let i = 0; i < 3; i++) expect((await post(`${h.url}/api/embed`, { token: TOKEN })).status).toBe(200);
    expect((await post(`${h.url}/api/embed`, { token: TOKEN })).status).toBe(429);
    expect(h.fake.requests).toHaveLength(3);
  });
});

describe("createServer: routes", () => {
  it("answers 404 for Ollama's privileged routes even with a valid token", async () => {
    // Attack: pulling, deleting or running models through the tunnel with a stolen embed token.
    for (const path of ["/api/pull", "/api/delete", "/api/chat", "/api/generate", "/api/create", "/api/tags", "/api/show", "/v1/chat/completions"]) {
      const res = await post(`${h.url}${path}`, { token: TOKEN, body: { model: "bge-m3", name: "x" } });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toHaveProperty("error");
    }
    const tags = await fetch(`${h.url}/api/tags`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(tags.status).toBe(404);
    expect(h.fake.requests).toHaveLength(0);
  });

  it("answers 404 to path tricks instead of normalising them", async () => {
    // Attack: traversal and look-alike paths that a normalising router might map onto /api/pull or /api/embed.
    const paths = ["/api/embed/../pull", "/api/embed/%2e%2e/pull", "/api/%2e%2e/api/pull", "//api/embed", "/api//embed", "/api/embed/", "/API/EMBED", "/Api/Embed", "/api/embed%00", "/api/embed;x", "/api/embed#x", "/./api/embed", "http://evil/api/embed", "*"];
    for (const path of paths) {
      const body = JSON.stringify({ model: "bge-m3", input: "x" });
      const head = `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
      const { text } = await rawRequest(h.url, [head + body]);
      expect(statusOf(text), path).toBe(404);
    }
    expect(h.fake.requests).toHaveLength(0);
  });

  it("answers 405 with Allow for a wrong method on a real route", async () => {
    // Attack: probing other verbs on the embed route.
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const res = await fetch(`${h.url}/api/embed`, { method, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
    }
    expect((await post(`${h.url}/healthz`)).status).toBe(405);
    expect(h.fake.requests).toHaveLength(0);
  });

  it("ignores method override headers", async () => {
    // Attack: X-HTTP-Method-Override and friends turning a POST into a DELETE (or a GET into a POST) downstream.
    const overrides = { "x-http-method-override": "DELETE", "x-http-method": "DELETE", "x-method-override": "DELETE" };
    expect((await post(`${h.url}/api/embed`, { token: TOKEN, headers: overrides })).status).toBe(200);
    const get = await fetch(`${h.url}/api/embed`, { headers: { authorization: `Bearer ${TOKEN}`, "x-http-method-override": "POST" } });
    expect(get.status).toBe(405);
    expect(upstreamPaths(h.fake)).toEqual(["POST /api/embed"]);
    const forwarded = Object.keys(h.fake.requests[0].headers);
    expect(forwarded.filter((name) => name.startsWith("x-") || name === "authorization")).toEqual([]);
  });
});
