#!/usr/bin/env node

// gateway/src/config.ts
import { join } from "node:path";
var DEFAULTS = {
  host: "127.0.0.1",
  // only cloudflared on the same Pi should reach the gateway
  port: 11435,
  // next to Ollama's 11434
  ollamaUrl: "http://127.0.0.1:11434",
  models: ["bge-m3"],
  burst: 30,
  // an index rebuild of a personal site fits in one burst
  refillPerMin: 6,
  // then one request every 10 s per token
  maxBodyBytes: 1e6,
  // 64 chunks of a few KB each, with room to spare
  maxInputs: 64,
  // ~1.5 s per chunk on the Pi: a full batch answers within the upstream timeout
  maxInputChars: 2e4,
  // bge-m3 reads 8,192 tokens; longer text would be truncated anyway
  concurrency: 2,
  // the Pi embeds one thing at a time; a second call keeps the pipe full
  queueSize: 16,
  // a short queue: waiting longer than this is better spent on the fallback
  headersTimeoutMs: 1e4,
  // slow-header clients are cut off quickly
  requestTimeoutMs: 3e4,
  // whole request body
  upstreamTimeoutMs: 12e4,
  // a full 64-chunk batch at 1.5 s per chunk is 96 s
  shutdownGraceMs: 3e4
  // let in-flight embeddings finish on SIGTERM, then force
};
var ConfigError = class extends Error {
};
function withDefaults(partial) {
  return {
    ...DEFAULTS,
    ollamaUrl: new URL(DEFAULTS.ollamaUrl),
    models: [...DEFAULTS.models],
    now: () => Date.now(),
    log: (line) => console.log(line),
    ...partial
  };
}
function loadConfig(env) {
  const problems = [];
  const integer = (name, fallback, min) => {
    const raw = env[name];
    if (raw === void 0 || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) problems.push(`${name} must be an integer >= ${min}, got "${raw}"`);
    return value;
  };
  let ollamaUrl = new URL(DEFAULTS.ollamaUrl);
  try {
    if (env.OLLAMA_URL) ollamaUrl = new URL(env.OLLAMA_URL);
    if (!["http:", "https:"].includes(ollamaUrl.protocol)) problems.push(`OLLAMA_URL must be http(s), got "${env.OLLAMA_URL}"`);
  } catch {
    problems.push(`OLLAMA_URL is not a URL: "${env.OLLAMA_URL}"`);
  }
  const credentials = env.CREDENTIALS_DIRECTORY ? join(env.CREDENTIALS_DIRECTORY, "gateway-tokens") : "";
  const tokensFile = env.GATEWAY_TOKENS_FILE || credentials;
  if (!tokensFile) problems.push("GATEWAY_TOKENS_FILE is required: a file with one token per line (make one with `openssl rand -hex 32`)");
  const models = (env.GATEWAY_MODELS || env.EMBED_MODEL || DEFAULTS.models.join(",")).split(",").map((m) => m.trim()).filter(Boolean);
  if (models.length === 0) problems.push("GATEWAY_MODELS must name at least one model");
  const config = withDefaults({
    host: env.GATEWAY_HOST || DEFAULTS.host,
    port: integer("GATEWAY_PORT", DEFAULTS.port, 0),
    ollamaUrl,
    tokensFile,
    models,
    burst: integer("GATEWAY_BURST", DEFAULTS.burst, 1),
    refillPerMin: integer("GATEWAY_REFILL_PER_MIN", DEFAULTS.refillPerMin, 1),
    maxBodyBytes: integer("GATEWAY_MAX_BODY_BYTES", DEFAULTS.maxBodyBytes, 1),
    maxInputs: integer("GATEWAY_MAX_INPUTS", DEFAULTS.maxInputs, 1),
    maxInputChars: integer("GATEWAY_MAX_INPUT_CHARS", DEFAULTS.maxInputChars, 1),
    concurrency: integer("GATEWAY_CONCURRENCY", DEFAULTS.concurrency, 1),
    queueSize: integer("GATEWAY_QUEUE", DEFAULTS.queueSize, 0),
    headersTimeoutMs: integer("GATEWAY_HEADERS_TIMEOUT_MS", DEFAULTS.headersTimeoutMs, 1),
    requestTimeoutMs: integer("GATEWAY_REQUEST_TIMEOUT_MS", DEFAULTS.requestTimeoutMs, 1),
    upstreamTimeoutMs: integer("GATEWAY_UPSTREAM_TIMEOUT_MS", DEFAULTS.upstreamTimeoutMs, 1),
    shutdownGraceMs: integer("GATEWAY_SHUTDOWN_GRACE_MS", DEFAULTS.shutdownGraceMs, 0)
  });
  if (config.port > 65535) problems.push(`GATEWAY_PORT must be <= 65535, got ${config.port}`);
  if (config.headersTimeoutMs > config.requestTimeoutMs) problems.push("GATEWAY_HEADERS_TIMEOUT_MS must not exceed GATEWAY_REQUEST_TIMEOUT_MS");
  if (problems.length > 0) throw new ConfigError(`invalid configuration:
  - ${problems.join("\n  - ")}`);
  return config;
}

// gateway/src/server.ts
import { createServer as createHttpServer } from "node:http";

// gateway/src/bucket.ts
function createBuckets(options) {
  const { burst, refillPerMin, now } = options;
  const perMs = refillPerMin / 6e4;
  const buckets = /* @__PURE__ */ new Map();
  return {
    take(clientId) {
      const time = now();
      const bucket = buckets.get(clientId) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, time - bucket.at) * perMs);
      bucket.at = time;
      buckets.set(clientId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1e3)) };
    }
  };
}

// gateway/src/errors.ts
var CODES = {
  "not_found:gateway": { status: 404, type: "invalid_request_error", message: "not found" },
  "method_not_allowed:gateway": { status: 405, type: "invalid_request_error", message: "method not allowed" },
  "unauthorized:gateway": { status: 401, type: "invalid_request_error", message: "missing or invalid bearer token" },
  "payload_too_large:gateway": { status: 413, type: "invalid_request_error", message: "request body too large" },
  "bad_request:gateway": { status: 400, type: "invalid_request_error", message: "bad request" },
  "model_not_allowed:gateway": { status: 403, type: "invalid_request_error", message: "model not allowed" },
  "rate_limited:gateway": { status: 429, type: "rate_limit_error", message: "rate limit exceeded, retry later" },
  "overloaded:gateway": { status: 503, type: "server_error", message: "embedding server busy, retry later" },
  "model_not_found:upstream": { status: 404, type: "invalid_request_error", message: "model not found" },
  "bad_request:upstream": { status: 400, type: "invalid_request_error", message: "bad request" },
  "unavailable:upstream": { status: 502, type: "server_error", message: "embedding server unavailable" },
  "error:upstream": { status: 502, type: "server_error", message: "embedding server error" },
  "timeout:upstream": { status: 504, type: "server_error", message: "embedding server timed out" }
};
var GatewayError = class extends Error {
  code;
  status;
  retryAfterSeconds;
  constructor(code, options = {}) {
    super(options.message ?? CODES[code].message);
    this.code = code;
    this.status = CODES[code].status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
  /** The JSON body for this surface. */
  toBody(surface) {
    if (surface === "ollama") return { error: this.message };
    return { error: { message: this.message, type: CODES[this.code].type, code: this.code.split(":")[0] } };
  }
};
function sendError(res, error, surface) {
  const known = error instanceof GatewayError ? error : new GatewayError("error:upstream");
  const headers = known.retryAfterSeconds === void 0 ? {} : { "Retry-After": String(known.retryAfterSeconds) };
  sendJson(res, known.status, known.toBody(surface), headers);
}
function sendJson(res, status, body, headers = {}) {
  sendBytes(res, status, Buffer.from(JSON.stringify(body)), { "Content-Type": "application/json; charset=utf-8", ...headers });
}
function sendBytes(res, status, body, headers) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Length": String(body.length), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers });
  res.end(body);
}
function fromUpstreamStatus(status, body) {
  const message = ollamaMessage(body);
  if (status === 404) return new GatewayError("model_not_found:upstream", { message });
  if (status === 400) return new GatewayError("bad_request:upstream", { message });
  if (status === 429 || status === 503) return new GatewayError("overloaded:gateway", { retryAfterSeconds: 5 });
  return new GatewayError("error:upstream");
}
function ollamaMessage(body) {
  try {
    const error = JSON.parse(body.toString("utf8"))?.error;
    return typeof error === "string" ? error.slice(0, 200) : void 0;
  } catch {
    return void 0;
  }
}

// gateway/src/openai.ts
function toOllamaBody(request) {
  const body = { model: request.model, input: request.inputs };
  if (request.truncate !== void 0) body.truncate = request.truncate;
  return JSON.stringify(body);
}
function toOpenAIResponse(ollama, request) {
  const promptTokens = ollama.prompt_eval_count ?? 0;
  return {
    object: "list",
    data: ollama.embeddings.map((vector, index) => ({
      object: "embedding",
      index,
      embedding: request.encodingFormat === "base64" ? encodeFloat32Base64(vector) : vector
    })),
    model: request.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens }
  };
}
function isEmbedResponse(value, inputCount) {
  const embeddings = value?.embeddings;
  return Array.isArray(embeddings) && embeddings.length === inputCount && embeddings.every((v) => Array.isArray(v) && v.every((x) => typeof x === "number"));
}
function encodeFloat32Base64(vector) {
  const bytes = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i], i * 4);
  return bytes.toString("base64");
}

// gateway/src/request.ts
function requestLimits(config) {
  return { maxInputs: config.maxInputs, maxInputChars: config.maxInputChars, allowedModels: new Set(config.models.map(withTag)) };
}
function readBody(req, res, maxBytes) {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  if (req.headers.expect?.toLowerCase() === "100-continue") res.writeContinue();
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        reject(tooLarge(maxBytes));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("aborted", () => reject(new Error("client aborted")));
  });
}
function parseEmbedRequest(body, limits, openai) {
  let parsed;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("the body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest("the body must be a JSON object");
  const fields = parsed;
  if (typeof fields.model !== "string" || fields.model === "") throw badRequest("model is required");
  if (!limits.allowedModels.has(withTag(fields.model))) {
    throw new GatewayError("model_not_allowed:gateway", { message: `model "${fields.model.slice(0, 100)}" is not allowed here` });
  }
  const inputs = typeof fields.input === "string" ? [fields.input] : fields.input;
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((x) => typeof x === "string")) {
    throw badRequest("input must be a string or a non-empty array of strings");
  }
  if (inputs.length > limits.maxInputs) throw new GatewayError("payload_too_large:gateway", { message: `at most ${limits.maxInputs} inputs per request` });
  if (inputs.some((x) => x.length > limits.maxInputChars)) {
    throw new GatewayError("payload_too_large:gateway", { message: `each input is limited to ${limits.maxInputChars} characters` });
  }
  if (fields.truncate !== void 0 && typeof fields.truncate !== "boolean") throw badRequest("truncate must be a boolean");
  if (fields.dimensions !== void 0) throw badRequest("dimensions is not supported: the model has a fixed size");
  if (!openai) return { model: fields.model, inputs, truncate: fields.truncate, encodingFormat: "float" };
  const format = fields.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") throw badRequest('encoding_format must be "float" or "base64"');
  return { model: fields.model, inputs, encodingFormat: format };
}
function withTag(model) {
  return model.includes(":") ? model : `${model}:latest`;
}
function badRequest(message) {
  return new GatewayError("bad_request:gateway", { message });
}
function tooLarge(maxBytes) {
  return new GatewayError("payload_too_large:gateway", { message: `request body exceeds ${maxBytes} bytes` });
}

// gateway/src/embed.ts
var QUEUE_FULL_RETRY_AFTER_SECONDS = 2;
async function serveEmbed(options) {
  const { req, res, surface, clientId, signal, deps } = options;
  const { config } = deps;
  const body = await readBody(req, res, config.maxBodyBytes);
  const request = parseEmbedRequest(body, deps.limits, surface === "openai");
  const taken = deps.buckets.take(clientId);
  if (!taken.ok) throw new GatewayError("rate_limited:gateway", { retryAfterSeconds: taken.retryAfterSeconds });
  const slot = deps.semaphore.tryAcquire(signal);
  if (!slot) throw new GatewayError("overloaded:gateway", { retryAfterSeconds: QUEUE_FULL_RETRY_AFTER_SECONDS });
  const release = await slot;
  let reply;
  try {
    reply = await deps.upstream.call({ method: "POST", path: "/api/embed", body: toOllamaBody(request), signal, timeoutMs: config.upstreamTimeoutMs });
  } finally {
    release();
  }
  if (reply.status !== 200) throw fromUpstreamStatus(reply.status, reply.body);
  if (surface === "ollama") {
    sendBytes(res, 200, reply.body, { "Content-Type": "application/json; charset=utf-8" });
    return;
  }
  let parsed;
  try {
    parsed = JSON.parse(reply.body.toString("utf8"));
  } catch {
    throw new GatewayError("error:upstream");
  }
  if (!isEmbedResponse(parsed, request.inputs.length)) throw new GatewayError("error:upstream");
  sendJson(res, 200, toOpenAIResponse(parsed, request));
}

// gateway/src/health.ts
var PROBE_TIMEOUT_MS = 2e3;
var PROBE_CACHE_MS = 1e3;
function createHealthCheck(upstream) {
  let last;
  const probe = async () => {
    try {
      const reply = await upstream.call({ method: "GET", path: "/", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), timeoutMs: PROBE_TIMEOUT_MS });
      return reply.status === 200;
    } catch {
      return false;
    }
  };
  return {
    async serve(res) {
      if (!last || Date.now() - last.at > PROBE_CACHE_MS) last = { at: Date.now(), probe: probe() };
      const up = await last.probe;
      sendBytes(res, up ? 200 : 503, Buffer.from(up ? "ok" : "unavailable"), { "Content-Type": "text/plain; charset=utf-8" });
    }
  };
}

// gateway/src/semaphore.ts
function createSemaphore(options) {
  let active = 0;
  const queue = [];
  const makeRelease = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) next(makeRelease());
      else active--;
    };
  };
  return {
    tryAcquire(signal) {
      if (active < options.limit) {
        active++;
        return Promise.resolve(makeRelease());
      }
      if (queue.length >= options.queueSize) return void 0;
      return new Promise((resolve, reject) => {
        const waiter = (release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        };
        const onAbort = () => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(signal?.reason ?? new Error("aborted"));
        };
        queue.push(waiter);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    }
  };
}

// gateway/src/tokens.ts
import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
var MIN_TOKEN_LENGTH = 16;
var TokenFileError = class extends Error {
};
function readTokensFile(path) {
  let mode;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new TokenFileError(`tokens file ${path} cannot be read`);
  }
  if ((mode & 63) !== 0) {
    const octal = (mode & 511).toString(8);
    throw new TokenFileError(`tokens file ${path} has mode ${octal}: it must not be readable by group or others (chmod 600 ${path})`);
  }
  const tokens = [];
  readFileSync(path, "utf8").split("\n").forEach((line, index) => {
    const token = line.replace(/#.*/, "").trim().split(/\s+/)[0];
    if (!token) return;
    if (token.length < MIN_TOKEN_LENGTH) throw new TokenFileError(`tokens file ${path}: the token on line ${index + 1} is shorter than ${MIN_TOKEN_LENGTH} characters`);
    tokens.push(token);
  });
  if (tokens.length === 0) throw new TokenFileError(`tokens file ${path} holds no token (make one with \`openssl rand -hex 32\`)`);
  return tokens;
}
function createTokenSet(tokens) {
  const known = tokens.map((token) => {
    const digest = sha256(token);
    return { digest, id: digest.toString("hex", 0, 4) };
  });
  return {
    size: known.length,
    identify(presented) {
      const digest = sha256(presented ?? "");
      let match;
      for (const entry of known) if (timingSafeEqual(digest, entry.digest)) match = entry.id;
      return match;
    }
  };
}
function bearerToken(header) {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? "");
  return match?.[1];
}
function sha256(text) {
  return createHash("sha256").update(text).digest();
}

// gateway/src/upstream.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
var MAX_UPSTREAM_BYTES = 64 * 1024 * 1024;
function createUpstream(base) {
  const https = base.protocol === "https:";
  const agent = https ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = https ? httpsRequest : httpRequest;
  const prefix = base.pathname.replace(/\/$/, "");
  return {
    call({ method, path, body, signal, timeoutMs }) {
      return new Promise((resolve, reject) => {
        const headers = { Accept: "application/json" };
        if (body !== void 0) Object.assign(headers, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) });
        const req = send(new URL(prefix + path, base), { method, headers, agent, signal, timeout: timeoutMs }, (res) => {
          const chunks = [];
          let size = 0;
          res.on("data", (chunk) => {
            size += chunk.length;
            if (size > MAX_UPSTREAM_BYTES) req.destroy(new GatewayError("error:upstream"));
            else chunks.push(chunk);
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 502, body: Buffer.concat(chunks) }));
          res.on("error", (error) => reject(asGatewayError(error)));
        });
        req.on("timeout", () => req.destroy(new GatewayError("timeout:upstream")));
        req.on("error", (error) => reject(asGatewayError(error)));
        req.end(body);
      });
    },
    destroy: () => agent.destroy()
  };
}
function asGatewayError(error) {
  if (error instanceof GatewayError || error.name === "AbortError") return error;
  return new GatewayError("unavailable:upstream");
}

// gateway/src/server.ts
var ROUTES = /* @__PURE__ */ new Map([
  ["/api/embed", { method: "POST", surface: "ollama" }],
  ["/v1/embeddings", { method: "POST", surface: "openai" }],
  ["/healthz", { method: "GET" }]
]);
var KEEP_ALIVE_TIMEOUT_MS = 5e3;
function createServer(config) {
  let tokens = createTokenSet(readTokensFile(config.tokensFile));
  const upstream = createUpstream(config.ollamaUrl);
  const deps = {
    config,
    limits: requestLimits(config),
    upstream,
    buckets: createBuckets(config),
    semaphore: createSemaphore({ limit: config.concurrency, queueSize: config.queueSize })
  };
  const health = createHealthCheck(upstream);
  let closing = false;
  async function handle(req, res) {
    const started = performance.now();
    const pathname = (req.url ?? "").split("?")[0];
    const route = ROUTES.get(pathname);
    let clientId = "-";
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
      if (closing) setImmediate(() => server.closeIdleConnections());
      const status = res.writableFinished ? res.statusCode : 499;
      config.log(`${(/* @__PURE__ */ new Date()).toISOString()} ${clientId} ${req.method} ${route ? pathname : "-"} ${status} ${Math.round(performance.now() - started)}ms`);
    });
    const surface = route?.surface ?? (pathname.startsWith("/v1/") ? "openai" : "ollama");
    try {
      if (!route) throw new GatewayError("not_found:gateway");
      if (req.method !== route.method) {
        res.setHeader("Allow", route.method);
        throw new GatewayError("method_not_allowed:gateway");
      }
      if (!route.surface) return await health.serve(res);
      const id = tokens.identify(bearerToken(req.headers.authorization));
      if (!id) {
        res.setHeader("WWW-Authenticate", 'Bearer realm="embed-gateway"');
        throw new GatewayError("unauthorized:gateway");
      }
      clientId = id;
      await serveEmbed({ req, res, surface, clientId, signal: abort.signal, deps });
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!(error instanceof GatewayError)) config.log(`${(/* @__PURE__ */ new Date()).toISOString()} ${clientId} error: ${error.message}`);
      const declared = Number(req.headers["content-length"] ?? Number.NaN);
      if (!req.complete && !(declared <= config.maxBodyBytes)) res.setHeader("Connection", "close");
      sendError(res, error, surface);
    }
  }
  const server = createHttpServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      // Node checks the two timeouts above on this interval; it must be finer than they are.
      connectionsCheckingInterval: Math.max(10, Math.min(1e3, Math.floor(config.headersTimeoutMs / 4))),
      maxHeaderSize: 8 * 1024
    },
    (req, res) => void handle(req, res)
  );
  server.on("checkContinue", (req, res) => void handle(req, res));
  return {
    server,
    listen: (options = {}) => new Promise((resolve, reject) => {
      server.once("error", reject);
      const done = () => {
        const { address, port } = server.address();
        resolve(`http://${address.includes(":") ? `[${address}]` : address}:${port}`);
      };
      if (options.fd !== void 0) server.listen({ fd: options.fd }, done);
      else server.listen(config.port, config.host, done);
    }),
    reloadTokens() {
      try {
        tokens = createTokenSet(readTokensFile(config.tokensFile));
        return { ok: true, count: tokens.size };
      } catch (error) {
        return { ok: false, error: error.message };
      }
    },
    close: () => new Promise((resolve) => {
      closing = true;
      const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      server.close(() => {
        clearTimeout(force);
        upstream.destroy();
        resolve();
      });
      server.closeIdleConnections();
    })
  };
}

// gateway/src/main.ts
var SD_LISTEN_FDS_START = 3;
async function main() {
  let config;
  let gateway;
  try {
    config = loadConfig(process.env);
    gateway = createServer(config);
  } catch (error) {
    return fail(error);
  }
  process.on("SIGHUP", () => {
    const result = gateway.reloadTokens();
    if (result.ok) console.log(`tokens reloaded: ${result.count} allowed`);
    else console.error(`tokens NOT reloaded, the previous ones stay in force: ${result.error}`);
  });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then exiting`);
    void gateway.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  const activated = process.env.LISTEN_PID === String(process.pid) && Number(process.env.LISTEN_FDS) >= 1;
  const url = await gateway.listen(activated ? { fd: SD_LISTEN_FDS_START } : {}).catch(fail);
  const models = config.models.join(",");
  console.log(`embed gateway listening on ${url}${activated ? " (socket activation)" : ""}, upstream ${config.ollamaUrl.origin}, models ${models}`);
}
function fail(error) {
  console.error(`embed gateway: ${error.message}`);
  process.exit(1);
}
await main();
export {
  main
};
