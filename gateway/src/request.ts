// Reading and checking an embed request before anything reaches Ollama: the body
// size, the JSON, the model allowlist and the input limits.
import type { IncomingMessage, ServerResponse } from "node:http";
import { GatewayError } from "./errors";
import { plainModelNames, readPlainBody } from "./request-body";
import type { PlainBody, PlainLimits } from "./request-body";

/** A request both routes agree on, reduced to the fields the gateway forwards. */
export type EmbedRequest = {
  model: string;
  inputCount: number;
  /** The texts; a plain body's are decoded only when something reads them (the cache). */
  readonly inputs: string[];
  truncate?: boolean;
  encodingFormat: "float" | "base64";
  /** The client's body itself, when it holds only the fields the gateway forwards (request-body.ts): it goes upstream unchanged. */
  plain?: Buffer;
};

/** Limits applied to every embed request; built once at start by {@link requestLimits}. */
export type RequestLimits = PlainLimits & { allowedModels: ReadonlySet<string> };

/** The limits from the config, with every name a request may use for an allowed model spelled out once: `bge-m3` admits `bge-m3` and `bge-m3:latest`, and nothing else. */
export function requestLimits(config: { maxInputs: number; maxInputChars: number; models: string[] }): RequestLimits {
  const names = new Set<string>();
  for (const model of config.models.map(withTag)) {
    names.add(model);
    if (model.endsWith(LATEST)) names.add(model.slice(0, -LATEST.length));
  }
  return { maxInputs: config.maxInputs, maxInputChars: config.maxInputChars, allowedModels: names, modelNames: plainModelNames(names) };
}

const LATEST = ":latest";

/** Reads the body, refusing (413) as soon as it is known to exceed the limit: by its Content-Length, or while it streams. */
export async function readBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  // A client that asked first (`Expect: 100-continue`, curl does for bodies over 1 KB)
  // is invited to send only now, after the route, the token and the declared size passed.
  if (req.headers.expect?.toLowerCase() === "100-continue") res.writeContinue();
  // The usual small request comes in one packet with its head: once this turn of the event
  // loop is over, Node's parser has all of it, and one read takes it, with none of the
  // stream's events. (A microtask is too soon: it runs between the parser's callbacks.)
  if (!req.complete) await new Promise<void>((resolve) => setImmediate(resolve));
  if (req.complete && req.readableFlowing === null) {
    const body = (req.read() as Buffer | null) ?? Buffer.alloc(0);
    if (body.length > maxBytes) throw tooLarge(maxBytes);
    return body;
  }
  return streamBody(req, maxBytes);
}

function streamBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
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

/** Parses and checks an embed body; throws GatewayError 400, 403 or 413. */
export function parseEmbedRequest(body: Buffer, limits: RequestLimits, openai: boolean): EmbedRequest {
  const plain = openai ? undefined : readPlainBody(body, limits);
  return plain ? new PlainRequest(body, plain, limits) : parseJsonRequest(body, limits, openai);
}

// A plain body's request; its texts are decoded by JSON.parse the first time they are read.
// A class, so the getter is the prototype's: an object literal with a getter is built by a
// runtime call each time, which cost more than reading the body.
class PlainRequest implements EmbedRequest {
  readonly model: string;
  readonly inputCount: number;
  readonly truncate: boolean | undefined;
  readonly encodingFormat = "float" as const;
  private decoded: string[] | undefined;

  constructor(
    readonly plain: Buffer,
    fields: PlainBody,
    private readonly limits: RequestLimits,
  ) {
    this.model = fields.model;
    this.inputCount = fields.inputCount;
    this.truncate = fields.truncate;
  }

  get inputs(): string[] {
    this.decoded ??= parseJsonRequest(this.plain, this.limits, false).inputs;
    return this.decoded;
  }
}

// Every body's reader, with the last word on what is refused and why.
function parseJsonRequest(body: Buffer, limits: RequestLimits, openai: boolean): EmbedRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("the body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest("the body must be a JSON object");
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.model !== "string" || fields.model === "") throw badRequest("model is required");
  if (!limits.allowedModels.has(fields.model)) {
    throw new GatewayError("model_not_allowed:gateway", { message: `model "${fields.model.slice(0, 100)}" is not allowed here` });
  }
  const inputs: unknown = typeof fields.input === "string" ? [fields.input] : fields.input;
  if (!Array.isArray(inputs) || inputs.length === 0) throw badRequest("input must be a string or a non-empty array of strings");
  // One plain loop over the inputs, which runs for every request; the checks keep their order.
  let longest = 0;
  for (const input of inputs) {
    if (typeof input !== "string") throw badRequest("input must be a string or a non-empty array of strings");
    if (input.length > longest) longest = input.length;
  }
  if (inputs.length > limits.maxInputs) throw new GatewayError("payload_too_large:gateway", { message: `at most ${limits.maxInputs} inputs per request` });
  if (longest > limits.maxInputChars) throw new GatewayError("payload_too_large:gateway", { message: `each input is limited to ${limits.maxInputChars} characters` });
  if (fields.truncate !== undefined && typeof fields.truncate !== "boolean") throw badRequest("truncate must be a boolean");
  // Both APIs take `dimensions` (Ollama cuts the vector short); the gateway serves the
  // model's own size only, and says so rather than answering with another size.
  if (fields.dimensions !== undefined) throw badRequest("dimensions is not supported: the model has a fixed size");
  if (!openai) return { model: fields.model, inputCount: inputs.length, inputs, truncate: fields.truncate, encodingFormat: "float" };
  const format = fields.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") throw badRequest('encoding_format must be "float" or "base64"');
  return { model: fields.model, inputCount: inputs.length, inputs, encodingFormat: format };
}

/** The model name with its tag: `bge-m3` is `bge-m3:latest`, as Ollama reads it. */
export function withTag(model: string): string {
  return model.includes(":") ? model : `${model}:latest`;
}

function badRequest(message: string) {
  return new GatewayError("bad_request:gateway", { message });
}

/** The 413 for a body over `maxBytes`. */
export function tooLarge(maxBytes: number): GatewayError {
  return new GatewayError("payload_too_large:gateway", { message: `request body exceeds ${maxBytes} bytes` });
}
