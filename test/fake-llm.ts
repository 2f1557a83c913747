// The one fake OpenAI-compatible chat server shared by every test, browser test and
// benchmark: a real node:http server on 127.0.0.1 that streams chat completions exactly
// as Groq does (role chunk, content deltas, a final chunk with finish_reason and
// x_groq.usage, then `data: [DONE]`), at /openai/v1/chat/completions (where
// groq-sdk calls) and /v1/chat/completions (Ollama's /v1, a GPU box). It records every
// request, so tests assert the system prompt, the fenced context and the model sent.
// Its answer quotes the first numbered source it was given, one word per delta.
// Erasable TypeScript only: it also runs under `node --experimental-strip-types`.
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { pathToFileURL } from "node:url";

/** Options of {@link startFakeLlm}; every field is optional. */
export type FakeLlmOptions = {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Delay between two content deltas, in ms (default 0). */
  deltaDelayMs?: number;
  /** Words of the first source quoted in the answer (default 24). */
  quoteWords?: number;
};

/** One request as the fake received it. */
export type FakeLlmRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The JSON body (`model`, `messages`, `stream`, ...), or the raw text when not JSON. */
  body: any;
  at: number;
};

/** The running fake: read-outs and runtime controls. */
export type FakeLlm = {
  url: string;
  port: number;
  requests: FakeLlmRequest[];
  /** The next n completions (default 1) fail with `status`; a 429 carries `retry-after` (default 30 s). */
  failNext(status: number, n?: number, retryAfterSeconds?: number): void;
  /** The next streamed answer stops after two content deltas: the connection is destroyed. */
  cutNext(): void;
  setDeltaDelay(ms: number): void;
  /** The next n streamed or plain answers (default 1) are exactly `text`, split into word deltas: a model writing whatever an attacker steered it to. */
  answerNext(text: string, n?: number): void;
  /** Wait before the first content delta (after the role chunk), as a slow model thinks; 0 by default. */
  setFirstTokenDelay(ms: number): void;
  /** Clears the recordings and every behaviour set at runtime. */
  reset(): void;
  close(): Promise<void>;
};

const COMPLETION_PATHS = new Set(["/openai/v1/chat/completions", "/v1/chat/completions"]);

/** The answer the fake gives: "Based on [1] (title): <first words of source 1> [1]." split into word deltas. */
function fakeAnswerDeltas(messages: Array<{ role?: string; content?: unknown }>, quoteWords = 24): string[] {
  const text = messages.map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
  const match = /^\[1\] ([^\n]*)\n(?:URL: [^\n]*\n)?([\s\S]*?)(?=\n\n\[2\] |\n<\/context>|$)/m.exec(text);
  const answer = match
    ? `Based on [1] (${match[1]!.trim()}): ${match[2]!.split(/\s+/).filter(Boolean).slice(0, quoteWords).join(" ")} [1].`
    : "My writing doesn't cover that, as far as I can tell.";
  return answer.split(/(?<= )/);
}

/** Starts the fake on 127.0.0.1 and resolves once it listens. */
export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  let behaviour = fresh(options);
  const sockets = new Set<Socket>();
  let sequence = 0;

  const handle: FakeLlm = {
    url: "",
    port: 0,
    requests: [],
    failNext: (status, n = 1, retryAfterSeconds = 30) => void Object.assign(behaviour, { failCount: n, failStatus: status, retryAfterSeconds }),
    cutNext: () => void (behaviour.cutNext = true),
    setDeltaDelay: (ms) => void (behaviour.deltaDelayMs = ms),
    answerNext: (text, n = 1) => void Object.assign(behaviour, { scriptedText: text, scriptedCount: n }),
    setFirstTokenDelay: (ms) => void (behaviour.firstTokenDelayMs = ms),
    reset: () => {
      behaviour = fresh(options);
      handle.requests = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };

  async function complete(req: IncomingMessage, res: ServerResponse, body: any) {
    if (behaviour.failCount > 0) {
      behaviour.failCount--;
      return sendFailure(res, behaviour.failStatus, behaviour.retryAfterSeconds, body?.model);
    }
    const id = `chatcmpl-fake-${++sequence}`;
    const model = typeof body?.model === "string" ? body.model : "fake-model";
    const created = Math.floor(Date.now() / 1000);
    const scripted = behaviour.scriptedCount > 0 ? behaviour.scriptedText : undefined;
    if (scripted !== undefined) behaviour.scriptedCount--;
    const deltas = scripted !== undefined ? scripted.split(/(?<= )/) : fakeAnswerDeltas(Array.isArray(body?.messages) ? body.messages : [], options.quoteWords);
    const promptTokens = Math.ceil(JSON.stringify(body?.messages ?? "").length / 4);
    const usage = { queue_time: 0.01, prompt_tokens: promptTokens, prompt_time: 0.002, completion_tokens: deltas.length, completion_time: 0.02, total_tokens: promptTokens + deltas.length, total_time: 0.022 };
    if (body?.stream !== true) {
      const message = { role: "assistant", content: deltas.join("") };
      return sendJson(res, 200, { id, object: "chat.completion", created, model, choices: [{ index: 0, message, logprobs: null, finish_reason: "stop" }], usage, x_groq: { id: `req_${sequence}` } });
    }
    const cut = behaviour.cutNext;
    behaviour.cutNext = false;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", "x-request-id": `req_${sequence}` });
    const chunk = (delta: object, finish: string | null, extra: object = {}) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, system_fingerprint: "fp_fake", choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`;
    res.write(chunk({ role: "assistant", content: "" }, null, { x_groq: { id: `req_${sequence}`, seed: 1 } }));
    if (behaviour.firstTokenDelayMs > 0) await sleep(behaviour.firstTokenDelayMs);
    for (const [i, delta] of deltas.entries()) {
      if (behaviour.deltaDelayMs > 0) await sleep(behaviour.deltaDelayMs);
      if (res.destroyed) return;
      if (cut && i === 2) {
        await sleep(25); // let the first deltas reach the client, so the cut is mid-answer, not a failed connect
        return void req.socket.destroy();
      }
      res.write(chunk({ content: delta }, null));
    }
    // Groq reports a stream's usage only under x_groq; a top-level `usage` is OpenAI's include_usage chunk.
    res.write(chunk({}, "stop", { x_groq: { id: `req_${sequence}`, usage } }));
    res.end("data: [DONE]\n\n");
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const body = parse(text);
      const path = req.url ?? "/";
      handle.requests.push({ method: req.method ?? "GET", path, headers: { ...req.headers }, body, at: Date.now() });
      if (req.method === "POST" && COMPLETION_PATHS.has(path.split("?")[0]!)) return void complete(req, res, body);
      if (req.method === "GET" && path.endsWith("/models")) return sendJson(res, 200, { object: "list", data: [{ id: "fake-model", object: "model" }] });
      sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${path}`, type: "invalid_request_error", code: "unknown_url" } });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  handle.port = typeof address === "object" && address ? address.port : 0;
  handle.url = `http://127.0.0.1:${handle.port}`;
  return handle;
}

function fresh(options: FakeLlmOptions) {
  return { deltaDelayMs: options.deltaDelayMs ?? 0, firstTokenDelayMs: 0, failCount: 0, failStatus: 500, retryAfterSeconds: 30, cutNext: false, scriptedText: "", scriptedCount: 0 };
}

function sendFailure(res: ServerResponse, status: number, retryAfterSeconds: number, model: unknown) {
  if (status === 429) {
    res.setHeader("retry-after", String(retryAfterSeconds));
    const message = `Rate limit reached for model \`${String(model)}\` on tokens per minute (TPM). Please try again in ${retryAfterSeconds}s.`;
    return sendJson(res, 429, { error: { message, type: "tokens", code: "rate_limit_exceeded" } });
  }
  const type = status >= 500 ? "internal_server_error" : "invalid_request_error";
  sendJson(res, status, { error: { message: status >= 500 ? "Internal Server Error" : "Bad Request", type, code: type } });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function parse(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Standalone: `npx tsx test/fake-llm.ts --port 4010 [--delay 50]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const fake = await startFakeLlm({ port: flag("port") ?? 0, deltaDelayMs: flag("delay") ?? 0 });
  console.log(`fake LLM listening on ${fake.url} (groq-sdk: GROQ_BASE_URL=${fake.url}; OpenAI-compatible: LLM_BASE_URL=${fake.url}/v1)`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
