import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createClientIdentifier } from "@/lib/chat/client-identity";
import { createChatRateLimiter } from "@/lib/chat/rate-limit";
import { createFeedbackHandler } from "@/lib/insights/feedback-handler";
import { createInsightRecorder } from "@/lib/insights/record";
import { createFileInsightStore, readFileInsights } from "@/lib/insights/stores";
import { readFeedbackRequest } from "./schema";

const ID = "2f1c7a0e-4b7d-4c1e-9a57-0c2b8f6d3e11";

function setup(pointsPerMinute = 30) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "feedback-")), "insights.jsonl");
  const handler = createFeedbackHandler({
    readRequest: readFeedbackRequest,
    rateLimiter: createChatRateLimiter({ pointsPerMinute, keyPrefix: "feedback" }),
    clientKeyOf: createClientIdentifier({ kind: "proxies", count: 1 }, () => {}),
    insights: createInsightRecorder({ store: createFileInsightStore({ file }) }),
  });
  const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
    handler(new Request("http://site.test/api/feedback", { method: "POST", headers: { "x-forwarded-for": "192.0.2.1", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }));
  return { post, events: () => readFileInsights({ file }) };
}

describe("POST /api/feedback", () => {
  it("records a thumbs down for an answer's insight id and answers 204 with no body", async () => {
    const { post, events } = setup();
    const response = await post({ id: ID, rating: "down" });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(events()).toEqual([{ type: "rating", id: ID, rating: "down", at: expect.any(String) }]);
  });

  it("attack: a script flooding ratings is refused with 429 and Retry-After past the per-minute limit, and nothing more is stored", async () => {
    const { post, events } = setup(3);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post({ id: ID, rating: "up" })).status);
    expect(statuses).toEqual([204, 204, 204, 429, 429]);
    const refused = await post({ id: ID, rating: "up" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(events()).toHaveLength(3);
  });

  it("attack: free text in place of the id (stuffing the store or the report) is refused with 400, and so are extra fields", async () => {
    const { post, events } = setup();
    expect((await post({ id: "<script>alert(1)</script>", rating: "down" })).status).toBe(400);
    expect((await post({ id: ID, rating: "down", question: "injected" })).status).toBe(400);
    expect((await post({ id: ID, rating: "meh" })).status).toBe(400);
    expect(events()).toEqual([]);
  });

  it("attack: an oversized body is refused with 413 before parsing; not JSON is 415 or 400", async () => {
    const { post } = setup();
    expect((await post(JSON.stringify({ id: ID, rating: "up", pad: "x".repeat(5_000) }))).status).toBe(413);
    expect((await post({ id: ID, rating: "up" }, { "content-type": "text/plain" })).status).toBe(415);
    expect((await post("{not json")).status).toBe(400);
  });
});
