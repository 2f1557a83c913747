import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Groq from "groq-sdk";
import { startFakeLlm, type FakeLlm } from "./fake-llm";

const context = "<context>\n[1] My post › Setup\nURL: /blog/post#setup\nI wired three Raspberry Pis together with k3s and Flux.\n\n[2] Other › Intro\nURL: /blog/other\nUnrelated.\n</context>";
const body = (stream = true) => ({ model: "llama-3.3-70b-versatile", stream, messages: [{ role: "system", content: context }, { role: "user", content: "what did you build?" }] });
const post = (fake: FakeLlm, path: string, payload: object) =>
  fetch(`${fake.url}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer k" }, body: JSON.stringify(payload) });
const events = (text: string) => text.split("\n\n").filter(Boolean).map((e) => e.replace(/^data: /, ""));

let fake: FakeLlm;
beforeAll(async () => void (fake = await startFakeLlm()));
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("startFakeLlm", () => {
  it("streams as Groq does: role chunk, word deltas quoting source [1], a final chunk with usage, then [DONE]", async () => {
    const response = await post(fake, "/openai/v1/chat/completions", body());
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const lines = events(await response.text());
    expect(lines.at(-1)).toBe("[DONE]");
    const chunks = lines.slice(0, -1).map((l) => JSON.parse(l));
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    expect(chunks[0].object).toBe("chat.completion.chunk");
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null)).toBe(true);
    const final = chunks.at(-1);
    expect(final.choices[0]).toMatchObject({ delta: {}, finish_reason: "stop" });
    expect(final.x_groq.usage.total_tokens).toBeGreaterThan(0);
    // Groq puts a stream's usage under x_groq only; a top-level usage would be OpenAI's include_usage chunk.
    expect(final.usage).toBeUndefined();
    const text = chunks.map((c) => c.choices[0].delta.content ?? "").join("");
    expect(text).toBe("Based on [1] (My post › Setup): I wired three Raspberry Pis together with k3s and Flux. [1].");
    expect(chunks.length).toBeGreaterThan(10);
  });

  it("answers at /v1/chat/completions too, and without stream as one completion", async () => {
    const json = await (await post(fake, "/v1/chat/completions", body(false))).json();
    expect(json.choices[0].message.content).toMatch(/^Based on \[1\]/);
  });

  it("answers the scripted text for the next n completions, then quotes source [1] again", async () => {
    const forged = '![x](https://attacker.example/p.png) see [[1]](https://evil.example "cite:1")';
    fake.answerNext(forged, 2);
    const streamed = events(await (await post(fake, "/openai/v1/chat/completions", body())).text()).filter((e) => e.startsWith("{")).map((e) => JSON.parse(e).choices[0].delta.content ?? "").join("");
    expect(streamed).toBe(forged);
    expect((await (await post(fake, "/v1/chat/completions", body(false))).json()).choices[0].message.content).toBe(forged);
    expect((await (await post(fake, "/v1/chat/completions", body(false))).json()).choices[0].message.content).toMatch(/^Based on \[1\]/);
  });

  it("records each request with its headers and body", async () => {
    await (await post(fake, "/openai/v1/chat/completions", body())).text();
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/openai/v1/chat/completions", headers: { authorization: "Bearer k" } });
    expect(fake.requests[0]!.body.messages[0].content).toBe(context);
  });

  it("fails the next n requests: 429 with retry-after, or 500", async () => {
    fake.failNext(429, 1, 7);
    const limited = await post(fake, "/openai/v1/chat/completions", body());
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect((await limited.json()).error.code).toBe("rate_limit_exceeded");
    fake.failNext(500, 2);
    const failed = await post(fake, "/v1/chat/completions", body());
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { message: expect.any(String), type: "internal_server_error", code: "internal_server_error" } });
    expect((await post(fake, "/v1/chat/completions", body())).status).toBe(500);
    expect((await post(fake, "/v1/chat/completions", body())).status).toBe(200);
  });

  it("cuts the next stream after the role chunk and two deltas, with no finish_reason or [DONE]", async () => {
    fake.cutNext();
    const response = await post(fake, "/openai/v1/chat/completions", body());
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    await expect((async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
      }
    })()).rejects.toThrow();
    const chunks = events(received).map((l) => JSON.parse(l));
    expect(chunks.map((c) => c.choices[0].delta.content)).toEqual(["", "Based ", "on "]);
    expect(chunks.every((c) => c.choices[0].finish_reason === null)).toBe(true);
  });

  it("spaces the deltas by the configured delay", async () => {
    fake.setDeltaDelay(20);
    const started = performance.now();
    await (await post(fake, "/openai/v1/chat/completions", body())).text();
    expect(performance.now() - started).toBeGreaterThan(20 * 10);
  });

  it("holds the first content delta back by the first-token delay, after sending the role chunk at once", async () => {
    fake.setFirstTokenDelay(300);
    const started = performance.now();
    const response = await post(fake, "/openai/v1/chat/completions", body());
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"role":"assistant"');
    expect(first).not.toContain("Based");
    while (!(await reader.read()).done);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("is read by groq-sdk itself, as the chat route reads it", async () => {
    const client = new Groq({ apiKey: "k", baseURL: fake.url, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "llama-3.3-70b-versatile", stream: true, messages: [{ role: "system", content: context }] });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text).toMatch(/^Based on \[1\] \(My post › Setup\)/);
  });
});
