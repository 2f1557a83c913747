import { afterEach, describe, expect, it, vi } from "vitest";
import { ChatHttpError, describeChatError, fetchChat } from "./chat-errors";

afterEach(() => vi.unstubAllGlobals());

describe("describeChatError", () => {
  it("says offline instead of the browser's 'Failed to fetch', also when navigator reports offline", () => {
    expect(describeChatError(new TypeError("Failed to fetch"))).toBe("You seem to be offline. Check your connection, then retry.");
    expect(describeChatError(new TypeError("NetworkError when attempting to fetch resource."))).toMatch(/offline/);
    expect(describeChatError(new Error("anything"), false)).toMatch(/offline/);
  });

  it("says busy with the wait from Retry-After on a 429, and 'a moment' without one", () => {
    expect(describeChatError(new ChatHttpError(429, "Too many questions", 20))).toBe("The chat is busy, try again in 20 s.");
    expect(describeChatError(new ChatHttpError(429, ""))).toBe("The chat is busy, try again in a moment.");
  });

  it("shows the route's own message for other refusals, and a plain one for a bare 5xx", () => {
    expect(describeChatError(new ChatHttpError(503, "Search is unavailable right now."))).toBe("Search is unavailable right now.");
    expect(describeChatError(new ChatHttpError(502, ""))).toMatch(/unavailable right now/);
  });
});

describe("fetchChat", () => {
  it("turns a 429 into a ChatHttpError carrying the route's message and Retry-After", async () => {
    const body = JSON.stringify({ error: { code: "rate_limited:chat", message: "Too many questions in a short time." } });
    vi.stubGlobal("fetch", async () => new Response(body, { status: 429, headers: { "retry-after": "20", "content-type": "application/json" } }));
    const error = await fetchChat("/api/chat").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatHttpError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 20, message: "Too many questions in a short time." });
  });

  it("passes a 200 through untouched, and keeps a proxy's non-JSON 502 as a status with no message", async () => {
    vi.stubGlobal("fetch", async () => new Response("ok", { status: 200 }));
    expect(await (await fetchChat("/api/chat")).text()).toBe("ok");
    vi.stubGlobal("fetch", async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(fetchChat("/api/chat")).rejects.toMatchObject({ status: 502, message: "" });
  });
});
