// Several upstreams: one dies mid-run and no client notices; the metrics say what happened,
// read both from /metrics and through a real Prometheus scraping it.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeOllama } from "../../test/fake-ollama";
import type { FakeOllama } from "../../test/fake-ollama";
import { startTestPrometheus } from "../../test/prometheus-server";
import type { TestPrometheus } from "../../test/prometheus-server";
import { withDefaults } from "./config";
import { createServer } from "./server";
import type { Gateway } from "./server";
import { TOKEN, post, writeTokensFile } from "./testing";

let fakes: FakeOllama[] = [];
let gateway: Gateway | undefined;
let prometheus: TestPrometheus | undefined;
afterEach(async () => {
  await prometheus?.stop();
  await gateway?.close();
  for (const fake of fakes) await fake.close();
  [fakes, gateway, prometheus] = [[], undefined, undefined];
});

async function startTwoUpstreams(logs: string[]) {
  fakes = [await startFakeOllama({ dimensions: 8 }), await startFakeOllama({ dimensions: 8 })];
  gateway = createServer(
    withDefaults({
      port: 0,
      upstreams: fakes.map((f) => ({ url: new URL(f.url), concurrency: 2 })),
      tokensFile: writeTokensFile(`${TOKEN}\n`),
      burst: 10_000,
      cacheEntries: 0,
      metricsPort: 0,
      log: (line) => logs.push(line),
    }),
  );
  return { url: await gateway.listen(), metricsUrl: gateway.metricsUrl as string };
}

function dashboardQueries(): string[] {
  const dashboard = JSON.parse(readFileSync(new URL("../../deploy/grafana-embed-gateway.json", import.meta.url), "utf8")) as { panels: Array<{ targets: Array<{ expr: string }> }> };
  return dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
}

const embedCalls = (fake: FakeOllama) => fake.requests.filter((r) => r.path === "/api/embed").length;
const sample = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}()[\]/.*+?^$|\\]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);

describe("createServer with two upstreams", () => {
  it("answers 200 to all of 200 sequential embeds when one upstream is killed at request 50; /metrics and a real Prometheus show it down and count every route and status, and the Grafana dashboard's queries run", async () => {
    const logs: string[] = [];
    const { url, metricsUrl } = await startTwoUpstreams(logs);
    const [a, b] = fakes;
    const [hostA, hostB] = fakes.map((f) => new URL(f.url).host);
    prometheus = await startTestPrometheus([new URL(metricsUrl).host]);
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      if (i === 50) await b.goDown();
      statuses.push((await post(`${url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: `text ${i}` } })).status);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Both carried load before the kill; after it, only a did (b's last calls were refused at connect).
    expect(embedCalls(b)).toBeGreaterThanOrEqual(20);
    expect(embedCalls(a)).toBeGreaterThanOrEqual(150);
    expect(logs.some((line) => line.includes(`upstream ${hostB} down: unreachable`))).toBe(true);
    expect((await post(`${url}/v1/embeddings`, { token: TOKEN })).status).toBe(200);
    expect((await post(`${url}/api/embed`, { token: "wrong-token-of-some-length" })).status).toBe(401);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const expected: Array<[string, number]> = [
      [`embed_gateway_upstream_up{upstream="${hostA}"}`, 1],
      [`embed_gateway_upstream_up{upstream="${hostB}"}`, 0],
      ['embed_gateway_requests_total{route="/api/embed",status="200"}', 200],
      ['embed_gateway_requests_total{route="/api/embed",status="401"}', 1],
      ['embed_gateway_requests_total{route="/v1/embeddings",status="200"}', 1],
      ['embed_gateway_requests_total{route="/healthz",status="200"}', 1],
      ["embed_gateway_auth_failures_total", 1],
      ["embed_gateway_upstream_retries_total", 1],
      [`embed_gateway_upstream_failures_total{upstream="${hostB}",reason="unreachable"}`, 1],
    ];
    await expect.poll(async () => {
      const text = await (await fetch(metricsUrl)).text();
      return expected.map(([series]) => [series, sample(text, series)]);
    }).toEqual(expected);
    // Prometheus scraped the same figures and answers them through its query API.
    await expect
      .poll(async () => Promise.all(expected.map(async ([series]) => [series, (await prometheus!.query(series))[0]?.value])), { timeout: 15_000, interval: 250 })
      .toEqual(expected);
    const inputs = await prometheus.query("embed_gateway_inputs_per_request_count");
    expect(inputs[0].value).toBe(201);
    // Every query of the shipped Grafana dashboard runs, and names only metrics the gateway exports.
    const exported = await (await fetch(metricsUrl)).text();
    for (const expr of dashboardQueries()) {
      await prometheus.query(expr.replaceAll("$__rate_interval", "1m").replaceAll("$job", ".*"));
      for (const metric of expr.match(/\b(?:embed_gateway|process)_[a-z_]+/g) ?? []) expect(exported, metric).toContain(metric.replace(/_(bucket|count|sum)$/, ""));
    }
  });

  it("probes a killed upstream that came back and shares the load with it again", async () => {
    const logs: string[] = [];
    const { url } = await startTwoUpstreams(logs);
    const [, b] = fakes;
    await b.goDown();
    expect((await post(`${url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: "x1" } })).status).toBe(200);
    expect((await post(`${url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: "x2" } })).status).toBe(200);
    expect(gateway!.pool.members[1].state).toBe("down");
    await b.comeUp();
    b.reset();
    gateway!.pool.members[1].downUntil = 0; // the cool-off has passed
    await gateway!.pool.probeAll(); // what the background timer does then
    expect(gateway!.pool.members[1].state).toBe("up");
    for (let i = 0; i < 4; i++) await post(`${url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: `y${i}` } });
    expect(embedCalls(b)).toBe(2);
  });

  it("keeps an upstream that lacks an allowed model out, and says so in the log", async () => {
    fakes = [await startFakeOllama({ dimensions: 8 }), await startFakeOllama({ dimensions: 8, model: "nomic-embed-text" })];
    const logs: string[] = [];
    gateway = createServer(withDefaults({ port: 0, upstreams: fakes.map((f) => ({ url: new URL(f.url), concurrency: 2 })), tokensFile: writeTokensFile(`${TOKEN}\n`), cacheEntries: 0, log: (l) => logs.push(l) }));
    const url = await gateway.listen();
    expect(gateway.pool.members.map((m) => m.state)).toEqual(["up", "mismatched"]);
    expect(logs.join("\n")).toMatch(/upstream 127\.0\.0\.1:\d+ mismatched: does not serve bge-m3/);
    for (let i = 0; i < 6; i++) expect((await post(`${url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: `t${i}` } })).status).toBe(200);
    expect(embedCalls(fakes[1])).toBe(0);
  });

  it("serves nothing from an upstream that lacks the model, even when it is the only one: 502 and healthz 503", async () => {
    fakes = [await startFakeOllama({ dimensions: 8, model: "nomic-embed-text" })];
    gateway = createServer(withDefaults({ port: 0, upstreams: [{ url: new URL(fakes[0].url), concurrency: 2 }], tokensFile: writeTokensFile(`${TOKEN}\n`), log: () => undefined }));
    const url = await gateway.listen();
    expect((await post(`${url}/api/embed`, { token: TOKEN })).status).toBe(502);
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    expect(embedCalls(fakes[0])).toBe(0);
  });
});
