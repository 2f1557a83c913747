// The one fake Ollama shared by every test and benchmark in the project: a real
// node:http server on 127.0.0.1 that speaks Ollama's wire format (POST /api/embed,
// POST /v1/embeddings, GET /, /api/version, /api/tags) and records every request,
// so a test can assert what did, and what did not, reach Ollama. Replies are framed as Go's
// net/http frames Ollama's: a Content-Length up to 2,048 bytes, chunked beyond.
// Erasable TypeScript only: it also runs under `node --experimental-strip-types`.
import { createServer } from "node:http";
import type { Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { pathToFileURL } from "node:url";

/** Options of {@link startFakeOllama}; every field is optional. */
export type FakeOllamaOptions = {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** The served model (default `bge-m3`); `bge-m3` and `bge-m3:latest` both match. */
  model?: string;
  /** Extra served models, listed by /api/tags and accepted by the embed routes. */
  models?: string[];
  /** Vector size of the default embedder (default 1,024, as bge-m3). */
  dimensions?: number;
  /** Replaces the default feature-hashing embedder entirely. */
  embed?: (text: string) => number[];
  /** Delay before each embed answer, in ms (default 0). */
  delayMs?: number;
  /** Extra delay per input embedded, in ms (the Pi takes ~1,500 per chunk). */
  delayPerInputMs?: number;
};

/** One request as the fake received it; `path` is the raw request target, query included. */
export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body parsed as JSON, or the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** The body exactly as it arrived, decoded as UTF-8. */
  text: string;
  /** Date.now() when the request finished arriving. */
  at: number;
};

/** The running fake: read-outs and runtime controls. */
export type FakeOllama = {
  url: string;
  port: number;
  /** Every request received, in arrival order, on every path (unknown paths too). */
  requests: RecordedRequest[];
  /** Total number of inputs embedded (both embed routes). */
  inputCount: number;
  /** Embed requests in flight now, and the peak since start or reset(). */
  concurrent: number;
  maxConcurrent: number;
  /** Embed requests whose client went away before the answer was written. */
  aborted: number;
  setDelay(ms: number): void;
  setDelayPerInput(ms: number): void;
  /** The next n embed requests fail with `status` and an Ollama error body. */
  failNext(n: number, status?: number): void;
  /** Every k-th embed request fails with `status` (k = 2: every other one); 0 turns it off. */
  failEvery(k: number, status?: number): void;
  /** Stop listening and drop open connections: new connections are refused. */
  goDown(): Promise<void>;
  /** Listen again on the same port. */
  comeUp(): Promise<void>;
  /** Answers claim this model name instead of the requested one. */
  answerModel(name: string): void;
  /** Answers carry vectors of n dimensions. */
  answerDimensions(n: number): void;
  /**
   * Answers are 200 with `null` for every number. Not Ollama's own fault (Go's encoder refuses
   * NaN: that is {@link FakeOllama.poisonInputs}' 500), but what an embedder or proxy written in
   * JavaScript sends for a NaN vector (JSON.stringify writes NaN as null): still to be refused.
   */
  answerNaN(): void;
  /** Embed requests are accepted and never answered (until reset or close). */
  hang(): void;
  /**
   * Ollama's real NaN fault (ollama#15582): any embed request with an input containing `marker`
   * fails as a whole, as bge-m3 does on some texts, with a 500 and Ollama's error shape,
   * `{"error":"failed to encode response: json: unsupported value: NaN"}` (OpenAI's shape on /v1).
   */
  poisonInputs(marker: string): void;
  /** Embed answers send their headers at once, then the body one byte every `ms` (a stuck or throttled link); framed as untrickled. */
  trickle(ms: number): void;
  /** Embed answers are 200 with this body instead of the vectors (a proxy's error page, a broken build). */
  answerRaw(body: string): void;
  /** `ollama rm`: the model leaves /api/tags and the embed routes answer 404 for it. */
  forget(model: string): void;
  /** Clears the recordings and every behaviour set at runtime; listening state is kept. */
  reset(): void;
  close(): Promise<void>;
};

const OLLAMA_VERSION = "0.12.0";
// bge-m3's context window; Ollama refuses longer inputs only when truncate is false.
const CONTEXT_TOKENS = 8192;
const JSON_TYPE = "application/json; charset=utf-8";
/** Go net/http's bufferBeforeChunkingSize: a reply body up to this size gets a Content-Length, a larger one (any bge-m3 vector, ~20 KB) is chunked. */
export const GO_CHUNKING_BUFFER_BYTES = 2048;

/** Deterministic unit vector by feature hashing of lower-cased words and char trigrams: texts sharing words land near each other. */
export function hashEmbed(text: string, dimensions = 1024): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const lower = text.toLowerCase();
  const words = lower.match(/[\p{L}\p{N}]+/gu) ?? [];
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    vector[h % dimensions] += (h & 0x80000000 ? -1 : 1) * weight;
  };
  for (const word of words) add(`w:${word}`, 1);
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, 0.3);
  }
  if (words.length === 0) add(`raw:${lower}`, 1);
  return unit(vector);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function unit(vector: number[]): number[] {
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}

function countTokens(text: string): number {
  return (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).length + 2; // + [CLS]/[SEP]
}

function withTag(name: string): string {
  return name.includes(":") ? name : `${name}:latest`;
}

function float32Base64(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => bytes.writeFloatLE(x, i * 4));
  return bytes.toString("base64");
}

/** Starts the fake on 127.0.0.1 and resolves once it listens. */
export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const model = options.model ?? "bge-m3";
  const allModels = [model, ...(options.models ?? [])];
  // What `forget` removed; reset() brings every model back.
  const forgotten = new Set<string>();
  const servedModels = () => allModels.filter((m) => !forgotten.has(withTag(m)));
  let behaviour = freshBehaviour(options);
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let embedCount = 0;

  const handle: FakeOllama = {
    url: "",
    port: options.port ?? 0,
    requests: [],
    inputCount: 0,
    concurrent: 0,
    maxConcurrent: 0,
    aborted: 0,
    setDelay: (ms) => void (behaviour.delayMs = ms),
    setDelayPerInput: (ms) => void (behaviour.delayPerInputMs = ms),
    failNext: (n, status = 503) => void Object.assign(behaviour, { failNext: n, failNextStatus: status }),
    failEvery: (k, status = 503) => void Object.assign(behaviour, { failEvery: k, failEveryStatus: status }),
    goDown: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    comeUp: () => listen(handle.port),
    answerModel: (name) => void (behaviour.answerModel = name),
    answerDimensions: (n) => void (behaviour.answerDimensions = n),
    answerNaN: () => void (behaviour.answerNaN = true),
    hang: () => void (behaviour.hang = true),
    poisonInputs: (marker) => void (behaviour.poison = marker),
    trickle: (ms) => void (behaviour.trickleMs = ms),
    answerRaw: (body) => void (behaviour.answerRaw = body),
    forget: (name) => void forgotten.add(withTag(name)),
    reset: () => {
      forgotten.clear();
      behaviour = freshBehaviour(options);
      embedCount = 0;
      Object.assign(handle, { requests: [], inputCount: 0, maxConcurrent: handle.concurrent, aborted: 0 });
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      await handle.goDown();
    },
  };

  const embedText = (text: string): number[] => {
    const dims = behaviour.answerDimensions ?? options.dimensions ?? 1024;
    let vector = options.embed && behaviour.answerDimensions === undefined ? options.embed(text) : hashEmbed(text, dims);
    if (behaviour.answerNaN) vector = vector.map(() => Number.NaN);
    return vector;
  };

  async function serveEmbed(res: ServerResponse, body: unknown, openai: boolean) {
    const fail = (status: number, message: string) => sendError(res, status, message, openai);
    // Ollama binds the body into a Go struct: no body, bad JSON or a wrongly typed field is a 400.
    if (body === undefined) return fail(400, openai ? "EOF" : "missing request body");
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return fail(400, typeof body === "string" ? "invalid character in JSON body" : "json: cannot unmarshal into Go value of type EmbedRequest");
    }
    const request = body as { model?: unknown; input?: unknown; truncate?: unknown; dimensions?: unknown; encoding_format?: unknown };
    if (!openai && request.truncate !== undefined && typeof request.truncate !== "boolean") return fail(400, "json: cannot unmarshal into Go struct field EmbedRequest.truncate of type bool");
    if (request.dimensions !== undefined && !Number.isInteger(request.dimensions)) return fail(400, "json: cannot unmarshal into Go struct field EmbedRequest.dimensions of type int");
    const format = request.encoding_format ?? "";
    if (openai && (typeof format !== "string" || !["", "float", "base64"].includes(format.toLowerCase()))) {
      return fail(400, `Invalid value for 'encoding_format' = ${String(format)}. Supported values: ['float', 'base64'].`);
    }
    // /v1 refuses a missing or empty list and embeds "" as one empty text; /api/embed
    // treats no input, "" and [] alike: it loads the model and answers no vectors.
    const absent = request.input === undefined || request.input === null;
    if (openai && (absent || (Array.isArray(request.input) && request.input.length === 0))) return fail(400, "invalid input");
    const inputs = absent || (!openai && request.input === "") ? [] : typeof request.input === "string" ? [request.input] : request.input;
    if (!Array.isArray(inputs) || !inputs.every((x) => typeof x === "string")) return fail(400, "invalid input type");
    if (typeof request.model !== "string" || request.model === "") return fail(400, "model is required");
    const asked = withTag(request.model);
    if (!servedModels().some((m) => withTag(m) === asked)) {
      return fail(404, `model "${request.model}" not found, try pulling it first`);
    }
    if (inputs.length === 0) return sendJson(res, 200, { model: request.model, embeddings: [] });
    const tokens = inputs.map(countTokens);
    if (request.truncate === false && tokens.some((n) => n > CONTEXT_TOKENS)) {
      return fail(400, "the input length exceeds the context length");
    }
    embedCount++;
    const failStatus = pickFailure();
    handle.concurrent++;
    handle.maxConcurrent = Math.max(handle.maxConcurrent, handle.concurrent);
    let done = false;
    const finish = () => {
      if (!done) handle.concurrent--;
      done = true;
    };
    res.on("close", () => {
      if (!res.writableFinished) handle.aborted++;
      hanging.delete(res);
      finish();
    });
    if (behaviour.hang) return void hanging.add(res);
    const started = process.hrtime.bigint();
    const wait = behaviour.delayMs + behaviour.delayPerInputMs * inputs.length;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (res.destroyed) return;
    if (failStatus) return fail(failStatus, failStatus === 503 ? "server busy, please try again.  maximum pending requests exceeded" : "llama runner process has terminated");
    // Ollama cannot serialise the NaN bge-m3 produced for one input, so the whole request fails (ollama#15582).
    if (behaviour.poison !== undefined && inputs.some((text) => text.includes(behaviour.poison!))) return fail(500, "failed to encode response: json: unsupported value: NaN");
    if (behaviour.answerRaw !== undefined) return sendRaw(res, 200, behaviour.answerRaw, 0);
    // Ollama cuts a vector to `dimensions` (when shorter than the model's) and renormalises it.
    const dimensions = request.dimensions as number | undefined;
    const vectors = inputs.map(embedText).map((v) => (dimensions && dimensions > 0 && dimensions < v.length ? unit(v.slice(0, dimensions)) : v));
    handle.inputCount += inputs.length;
    const answeredModel = behaviour.answerModel ?? request.model;
    const promptTokens = tokens.reduce((a, b) => a + b, 0);
    if (!openai) {
      const total = Number(process.hrtime.bigint() - started);
      const answer = JSON.stringify({ model: answeredModel, embeddings: vectors, total_duration: total, load_duration: Math.round(total / 10), prompt_eval_count: promptTokens });
      return sendRaw(res, 200, answer, behaviour.trickleMs);
    }
    const base64 = (format as string).toLowerCase() === "base64";
    const data = vectors.map((v, index) => ({ object: "embedding", index, embedding: base64 ? float32Base64(v) : v }));
    // Ollama's OpenAI layer writes with a json.Encoder (a trailing newline) and a bare application/json.
    const openaiAnswer = JSON.stringify({ object: "list", data, model: answeredModel, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } });
    sendRaw(res, 200, `${openaiAnswer}\n`, 0, "application/json");
  }

  function pickFailure(): number | undefined {
    if (behaviour.failNext > 0) {
      behaviour.failNext--;
      return behaviour.failNextStatus;
    }
    if (behaviour.failEvery > 0 && embedCount % behaviour.failEvery === 0) return behaviour.failEveryStatus;
    return undefined;
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const body = parseBody(text);
      const method = req.method ?? "GET";
      const path = req.url ?? "/";
      handle.requests.push({ method, path, headers: { ...req.headers }, body, text, at: Date.now() });
      const route = `${method} ${path.split("?")[0]}`;
      if (route === "POST /api/embed") return void serveEmbed(res, body, false);
      if (route === "POST /v1/embeddings") return void serveEmbed(res, body, true);
      if (route === "GET /" || route === "HEAD /") return sendText(res, 200, "Ollama is running");
      if (route === "GET /api/version") return sendJson(res, 200, { version: OLLAMA_VERSION });
      if (route === "GET /api/tags") return sendJson(res, 200, { models: servedModels().map(describeModel) });
      sendText(res, 404, "404 page not found");
    });
  });
  // Go's net/http, as Ollama runs it, sets no idle timeout on kept-alive connections (and so
  // sends no Keep-Alive header); node's default would close them after 5 s.
  server.keepAliveTimeout = 0;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function listen(port: number) {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const address = server.address();
    handle.port = typeof address === "object" && address ? address.port : port;
    handle.url = `http://127.0.0.1:${handle.port}`;
  }
  await listen(handle.port);
  return handle;
}

function freshBehaviour(options: FakeOllamaOptions) {
  return {
    delayMs: options.delayMs ?? 0,
    delayPerInputMs: options.delayPerInputMs ?? 0,
    failNext: 0,
    failNextStatus: 503,
    failEvery: 0,
    failEveryStatus: 503,
    answerModel: undefined as string | undefined,
    answerDimensions: undefined as number | undefined,
    answerNaN: false,
    hang: false,
    poison: undefined as string | undefined,
    trickleMs: 0,
    answerRaw: undefined as string | undefined,
  };
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeModel(name: string) {
  const tagged = withTag(name);
  return {
    name: tagged,
    model: tagged,
    modified_at: "2025-01-01T00:00:00Z",
    size: 1_157_672_605,
    digest: "790764642607a9f8a1d1b1a64d1a2b8ff5b6ad3c4ec6c2a0d5bd7b7e39d5d1ff",
    details: { parent_model: "", format: "gguf", family: "bert", families: ["bert"], parameter_size: "566.70M", quantization_level: "F16" },
  };
}

// Framing as Go's net/http frames a handler that sets no Content-Length (Ollama's gin handlers
// write the whole body in one Write): a body that fits the buffer gets a Content-Length, a
// larger one goes out as `Transfer-Encoding: chunked` (node:http chunks when none is set).
function writeHeadAsGo(res: ServerResponse, status: number, contentType: string, bytes: Buffer) {
  const length = bytes.length <= GO_CHUNKING_BUFFER_BYTES ? { "Content-Length": bytes.length } : {};
  res.writeHead(status, { "Content-Type": contentType, ...length });
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  sendRaw(res, status, JSON.stringify(value), 0);
}

// The whole body at once, or (trickle) one byte every `trickleMs` after the headers.
function sendRaw(res: ServerResponse, status: number, body: string, trickleMs: number, contentType = JSON_TYPE) {
  const bytes = Buffer.from(body);
  writeHeadAsGo(res, status, contentType, bytes);
  if (trickleMs <= 0) return void res.end(bytes);
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent >= bytes.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(bytes.subarray(sent, sent + 1));
    sent++;
  }, trickleMs);
  res.on("close", () => clearInterval(timer));
}

function sendText(res: ServerResponse, status: number, text: string) {
  const bytes = Buffer.from(text);
  writeHeadAsGo(res, status, "text/plain; charset=utf-8", bytes);
  res.end(bytes);
}

// Ollama's native routes answer {"error": "..."}; its /v1 routes answer OpenAI's shape.
function sendError(res: ServerResponse, status: number, message: string, openai: boolean) {
  if (!openai) return sendJson(res, status, { error: message });
  const type = status === 400 ? "invalid_request_error" : status === 404 ? "not_found_error" : "api_error";
  sendJson(res, status, { error: { message, type, param: null, code: null } });
}

function readFlag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

// Standalone: `npx tsx test/fake-ollama.ts --port 11434 [--delay-per-input-ms 1500] [--delay-ms 0] [--model bge-m3] [--dimensions 1024]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const numberFlag = (name: string) => (readFlag(args, name) === undefined ? undefined : Number(readFlag(args, name)));
  const fake = await startFakeOllama({
    port: numberFlag("--port") ?? 11434,
    delayMs: numberFlag("--delay-ms"),
    delayPerInputMs: numberFlag("--delay-per-input-ms"),
    dimensions: numberFlag("--dimensions"),
    model: readFlag(args, "--model"),
  });
  console.log(`fake Ollama listening on ${fake.url}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
