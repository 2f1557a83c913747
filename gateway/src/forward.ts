// One embed call through the pool: wait for a slot, call the upstream, judge its answer.
// A failure before any byte reached the client marks that upstream down and is retried
// once on another; a garbage or wrongly shaped 200 counts as a failure, never as an answer.
import type { Cancel } from "./cancel";
import type { GatewayConfig } from "./config";
import { GatewayError, fromUpstreamStatus } from "./errors";
import type { GatewayMetrics } from "./metrics";
import { isEmbedResponse } from "./openai";
import type { OllamaEmbedResponse } from "./openai";
import type { Member, Pool } from "./pool";
import { isEmbedReply } from "./reply-check";

// When the queue is full, a client should come back after about one Pi embedding.
const QUEUE_FULL_RETRY_AFTER_SECONDS = 2;
// The largest legitimate answer per input: 4,096 dimensions (the widest common embedding
// model; bge-m3 has 1,024) at 24 characters a float (`-0.012345678901234567,`).
const MAX_REPLY_BYTES_PER_INPUT = 4_096 * 24;
const MAX_REPLY_OVERHEAD_BYTES = 4_096; // model name, durations, brackets

/** Ollama's validated answer: its raw bytes (passed through when nothing was cached), parsed only when asked. */
export type UpstreamAnswer = { raw: Buffer; readonly answer: OllamaEmbedResponse };

type Judged = { answer: OllamaEmbedResponse | undefined } | { error: GatewayError; reason?: "busy" | "bad_status" | "bad_reply" | "timeout" | "unreachable" };

/** Embeds `inputs` on the least busy usable upstream, retrying once on another after a failure. */
export async function embedUpstream(options: {
  pool: Pool;
  body: string | Buffer;
  inputCount: number;
  cancel: Cancel;
  config: GatewayConfig;
  metrics: GatewayMetrics;
  /** The caller reads the vectors (the cache, /v1): the reply is parsed once, with no byte scan first. */
  needsVectors: boolean;
}): Promise<UpstreamAnswer> {
  const { pool, body, inputCount, cancel, config, metrics, needsVectors } = options;
  let exclude: Member | undefined;
  for (let attempt = 0; ; attempt++) {
    const waitStarted = performance.now();
    const pending = pool.acquire(cancel, exclude);
    if (!pending) throw new GatewayError("overloaded:gateway", { retryAfterSeconds: QUEUE_FULL_RETRY_AFTER_SECONDS });
    // A free slot is taken at once, so the call goes out in this turn.
    const lease = pending instanceof Promise ? await pending : pending;
    const started = performance.now();
    const { member } = lease;
    let raw: Buffer | undefined;
    let judged: Judged;
    try {
      const reply = await member.client.call({ method: "POST", path: "/api/embed", body, cancel, deadlineMs: config.upstreamTimeoutMs, maxReplyBytes: inputCount * MAX_REPLY_BYTES_PER_INPUT + MAX_REPLY_OVERHEAD_BYTES });
      raw = reply.body;
      judged = judge(reply.status, reply.body, inputCount, needsVectors);
    } catch (error) {
      if (cancel.cancelled || !(error instanceof GatewayError)) throw error;
      judged = { error, reason: error.code === "timeout:upstream" ? "timeout" : error.code === "unavailable:upstream" ? "unreachable" : "bad_reply" };
    } finally {
      lease.release();
    }
    metrics.recordUpstreamCall(member.label, (started - waitStarted) / 1000, (performance.now() - started) / 1000);
    if ("answer" in judged) {
      // A member that answered while marked down is probed, models included, before it counts as up.
      if (member.state !== "up") pool.recheck(member);
      return new CheckedAnswer(raw as Buffer, judged.answer);
    }
    if (judged.error.code === "model_not_found:upstream") pool.recheck(member);
    if (!judged.reason) throw judged.error;
    metrics.upstreamFailures.labels(member.label, judged.reason).inc();
    pool.markDown(member, judged.reason.replace("_", " "));
    if (attempt > 0 || !pool.hasAlternative(member)) throw judged.error;
    metrics.retries.inc();
    exclude = member;
  }
}

// A 200 is checked; an error status is judged by fromUpstreamStatus (which ones mark the upstream down).
function judge(status: number, body: Buffer, inputCount: number, needsVectors: boolean): Judged {
  if (status === 200) {
    // A pass-through answer is checked on its bytes, never built; when the vectors are needed (or the bytes look odd) JSON.parse judges it.
    if (!needsVectors && isEmbedReply(body, inputCount)) return { answer: undefined };
    try {
      const parsed: unknown = JSON.parse(body.toString("utf8"));
      if (isEmbedResponse(parsed, inputCount)) return { answer: parsed };
    } catch {
      // not JSON: the same failure as a wrong shape
    }
    return { error: new GatewayError("error:upstream"), reason: "bad_reply" };
  }
  return fromUpstreamStatus(status, body);
}

// Checked already; parsed once, only by the routes that need the vectors (the cache, /v1).
// A class, so the getter is the prototype's (an object literal with a getter is built by a
// runtime call each time, on the answer's path).
class CheckedAnswer implements UpstreamAnswer {
  constructor(
    readonly raw: Buffer,
    private parsed: OllamaEmbedResponse | undefined,
  ) {}

  get answer(): OllamaEmbedResponse {
    this.parsed ??= JSON.parse(this.raw.toString("utf8")) as OllamaEmbedResponse;
    return this.parsed;
  }
}
