// The only calls that reach Ollama: POST /api/embed and GET / (the health probe).
// Fixed paths, fixed headers, nothing of the client's request but the vetted body.
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { GatewayError } from "./errors";

// A reply bigger than this is not an embedding of at most maxInputs texts.
const MAX_UPSTREAM_BYTES = 64 * 1024 * 1024;

/** Ollama's status and body. */
export type UpstreamReply = { status: number; body: Buffer };

/** A client for one Ollama base URL, reusing connections. */
export type Upstream = {
  call(options: { method: "GET" | "POST"; path: "/" | "/api/embed"; body?: string; signal: AbortSignal; timeoutMs: number }): Promise<UpstreamReply>;
  destroy(): void;
};

/** Creates the upstream client; errors come out as GatewayError (502 down, 504 timeout). */
export function createUpstream(base: URL): Upstream {
  const https = base.protocol === "https:";
  const agent = https ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = https ? httpsRequest : httpRequest;
  const prefix = base.pathname.replace(/\/$/, "");
  return {
    call({ method, path, body, signal, timeoutMs }) {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string> = { Accept: "application/json" };
        if (body !== undefined) Object.assign(headers, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) });
        const req = send(new URL(prefix + path, base), { method, headers, agent, signal, timeout: timeoutMs }, (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
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
    destroy: () => agent.destroy(),
  };
}

function asGatewayError(error: Error): Error {
  if (error instanceof GatewayError || error.name === "AbortError") return error;
  return new GatewayError("unavailable:upstream");
}
