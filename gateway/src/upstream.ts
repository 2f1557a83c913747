// The only calls that reach an Ollama: POST /api/embed and GET /api/tags (the probe).
// Fixed paths, fixed headers, nothing of the client's request but the vetted body;
// a total deadline per call and a cap on the reply's size. Plain http goes through the
// lean socket client (upstream-socket.ts); https through node:https.
import type { IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { cancelledError } from "./cancel";
import type { Cancel } from "./cancel";
import { GatewayError } from "./errors";
import { createSocketUpstream } from "./upstream-socket";

// Idle kept-alive sockets to one Ollama; more than the busiest cap would only sit idle.
const MAX_FREE_SOCKETS = 16;

/** Ollama's status and body. */
export type UpstreamReply = { status: number; body: Buffer };

/** One call: the path, the body, when to give up, how big the reply may be. */
export type UpstreamCall = {
  method: "GET" | "POST";
  path: "/api/tags" | "/api/embed";
  /** JSON, as text or as the client's own bytes. */
  body?: string | Buffer;
  /** Cancelling it destroys the call at once (the client went away). */
  cancel?: Cancel;
  /** Total time for the whole call, connect to last byte: a trickling reply cannot hold it longer. */
  deadlineMs: number;
  maxReplyBytes: number;
};

/** A client for one Ollama base URL, reusing connections. */
export type Upstream = {
  call(call: UpstreamCall): Promise<UpstreamReply>;
  destroy(): void;
};

/** Creates the client; errors come out as GatewayError (502 unreachable or reply too big, 504 past the deadline). */
export function createUpstream(base: URL): Upstream {
  return base.protocol === "https:" ? createHttpsUpstream(base) : createSocketUpstream(base);
}

function createHttpsUpstream(base: URL): Upstream {
  const agent = new HttpsAgent({ keepAlive: true, maxFreeSockets: MAX_FREE_SOCKETS });
  const prefix = base.pathname.replace(/\/$/, "");
  const target = { protocol: base.protocol, hostname: base.hostname.replace(/^\[|\]$/g, ""), port: base.port || 443, agent };
  return {
    call({ method, path, body, cancel, deadlineMs, maxReplyBytes }) {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string | number> = body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) };
        let failure: Error | undefined;
        let done = false;
        const finish = (error: Error | undefined, reply?: UpstreamReply) => {
          if (done) return;
          done = true;
          clearTimeout(deadline);
          cancel?.onCancel(undefined);
          if (reply) resolve(reply);
          else reject(failure ?? asGatewayError(error as Error));
        };
        const fail = (error: Error) => {
          failure ??= error;
          req.destroy(error);
          finish(error);
        };
        const deadline = setTimeout(() => fail(new GatewayError("timeout:upstream")), deadlineMs);
        const onAbort = () => fail(cancelledError());
        const req = httpsRequest({ ...target, method, path: prefix + path, headers }, (res: IncomingMessage) => {
          if (Number(res.headers["content-length"]) > maxReplyBytes) return fail(tooLarge());
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxReplyBytes) fail(tooLarge());
            else chunks.push(chunk);
          });
          res.on("end", () => finish(undefined, { status: res.statusCode ?? 502, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }));
          res.on("error", (error) => finish(error));
          res.on("close", () => finish(new Error("reply cut short")));
        });
        req.on("error", (error) => finish(error));
        if (cancel?.cancelled) return fail(cancelledError());
        cancel?.onCancel(onAbort);
        req.end(body);
      });
    },
    destroy: () => agent.destroy(),
  };
}

function tooLarge(): GatewayError {
  return new GatewayError("error:upstream");
}


function asGatewayError(error: Error): Error {
  if (error instanceof GatewayError || error.name === "AbortError") return error;
  return new GatewayError("unavailable:upstream");
}
