// The client for a plain-http Ollama (a Pi on loopback, a GPU box on the LAN): one request
// per kept-alive TCP socket at a time, written in one piece, its reply read by
// reply-parser.ts. Node's http.Agent spent more CPU per call than the rest of the gateway.
import { connect } from "node:net";
import type { Socket } from "node:net";
import { GatewayError } from "./errors";
import { ReplyError, createReplyParser } from "./reply-parser";
import type { Upstream, UpstreamCall, UpstreamReply } from "./upstream";

const MAX_IDLE_SOCKETS = 16; // more idle sockets than the busiest cap would only sit there
const IDLE_SOCKET_MS = 4_000; // below Go's and Node's usual 5 s server idle timeouts, so we close first

/** Creates the raw-socket client for `base` (an http: URL). */
export function createSocketUpstream(base: URL): Upstream {
  const host = base.hostname.replace(/^\[|\]$/g, "");
  const port = Number(base.port || 80);
  const prefix = base.pathname.replace(/\/$/, "");
  const idle: Socket[] = [];
  const busy = new Set<Socket>();

  const park = (socket: Socket) => {
    if (idle.length >= MAX_IDLE_SOCKETS) return void socket.destroy();
    const drop = () => {
      socket.destroy();
      const at = idle.indexOf(socket);
      if (at >= 0) idle.splice(at, 1);
    };
    // An idle socket that speaks, ends or errs is finished; so is one idle too long.
    socket.once("data", drop).once("end", drop).once("close", drop).once("timeout", drop);
    socket.setTimeout(IDLE_SOCKET_MS);
    idle.push(socket);
  };
  const unpark = (): Socket | undefined => {
    const socket = idle.pop();
    if (!socket) return undefined;
    socket.removeAllListeners("data").removeAllListeners("end").removeAllListeners("close").removeAllListeners("timeout");
    socket.setTimeout(0);
    return socket;
  };

  function attempt(call: UpstreamCall, request: string, allowStale: boolean): Promise<UpstreamReply> {
    return new Promise((resolve, reject) => {
      const reused = unpark();
      const socket = reused ?? connect({ host, port, noDelay: true }).on("error", ignore);
      busy.add(socket);
      const parser = createReplyParser(call.maxReplyBytes);
      let received = false;
      let settled = false;
      const settle = (error: Error | undefined) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        call.signal?.removeEventListener("abort", onAbort);
        socket.off("data", onData).off("end", onEnd).off("close", onEnd).off("error", onError);
        busy.delete(socket);
        if (error) {
          socket.destroy();
          return reject(error);
        }
        if (parser.keepAlive && !socket.destroyed) park(socket);
        else socket.destroy();
        resolve({ status: parser.status, body: parser.body() });
      };
      const onData = (chunk: Buffer) => {
        received = true;
        try {
          if (parser.push(chunk)) settle(undefined);
        } catch (error) {
          // Malformed or over its cap: the same 502 as any reply that is not an embedding.
          if (!(error instanceof ReplyError)) throw error;
          settle(new GatewayError("error:upstream"));
        }
      };
      const onEnd = () => {
        if (parser.end()) return settle(undefined);
        // A kept-alive socket the server closed just as we wrote: try once on a fresh one.
        if (reused && !received && allowStale && !settled) {
          settled = true;
          clearTimeout(deadline);
          call.signal?.removeEventListener("abort", onAbort);
          busy.delete(socket);
          socket.destroy();
          return void attempt(call, request, false).then(resolve, reject);
        }
        settle(new GatewayError("unavailable:upstream"));
      };
      const onError = () => onEnd();
      const onAbort = () => settle(abortError());
      const deadline = setTimeout(() => settle(new GatewayError("timeout:upstream")), call.deadlineMs);
      socket.on("data", onData).on("end", onEnd).on("close", onEnd).on("error", onError);
      if (call.signal?.aborted) return settle(abortError());
      call.signal?.addEventListener("abort", onAbort, { once: true });
      socket.write(request);
    });
  }

  return {
    call(call) {
      const length = call.body === undefined ? "" : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(call.body)}\r\n`;
      const request = `${call.method} ${prefix}${call.path} HTTP/1.1\r\nHost: ${base.host}\r\nAccept: application/json\r\n${length}\r\n${call.body ?? ""}`;
      return attempt(call, request, true);
    },
    destroy() {
      for (const socket of [...idle, ...busy]) socket.destroy();
      idle.length = 0;
      busy.clear();
    },
  };
}

// Every socket keeps this listener: errors are handled where the socket is in use, and an
// error on a socket nobody uses any more must not crash the process.
function ignore(): void {}

function abortError(): Error {
  const error = new Error("client went away");
  error.name = "AbortError";
  return error;
}
