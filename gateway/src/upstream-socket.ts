// The client for a plain-http Ollama (a Pi on loopback, a GPU box on the LAN): one request
// per kept-alive TCP socket at a time, written in one piece, its reply read by
// reply-parser.ts. Node's http.Agent spent more CPU per call than the rest of the gateway.
import { connect } from "node:net";
import type { Socket } from "node:net";
import { cancelledError } from "./cancel";
import { GatewayError } from "./errors";
import { ReplyError, createReplyParser } from "./reply-parser";
import { createSweep } from "./sweep";
import type { Upstream, UpstreamCall, UpstreamReply } from "./upstream";

// One socket and the call using it now (none while it idles), with that call's deadline.
type Conn = { socket: Socket; user: { data(chunk: Buffer): void; end(): void } | undefined; idleSince: number; deadlineAt: number; expire: (() => void) | undefined };

const MAX_IDLE_SOCKETS = 16; // more idle sockets than the busiest cap would only sit there
const IDLE_SOCKET_MS = 3_000; // below Node's 5 s keep-alive timeout (a proxy in front of Ollama may be Node); Ollama's Go server sets no idle timeout of its own, and a stale socket is retried once anyway
// How often in-flight calls are checked against their deadlines (a timeout fires up to this
// late) and idle sockets against IDLE_SOCKET_MS, while there are any. A timer set and cleared
// per call cost ~6 us of the reply's path on a cold CPU (Node's timer lists are rebuilt when
// the one call in flight ends); this sweep costs nothing per call.
const SWEEP_MS = 25;
const READ_BUFFER = Buffer.alloc(64 * 1024); // one socket read at most: node's own read size

// A request as it is written: one string, or a head and the client's body bytes, in one system call (writev).
type Outgoing = string | readonly [head: string, body: Buffer];

function send(socket: Socket, request: Outgoing): void {
  if (typeof request === "string") return void socket.write(request);
  socket.cork();
  socket.write(request[0], "latin1");
  socket.write(request[1]);
  socket.uncork();
}

// The bytes a read left at the start of the shared buffer, copied out (the next read reuses
// it): a pooled allocation (fully overwritten at once) and one TypedArray copy, about half
// of what Buffer.copyBytesFrom's argument checks and copy cost on a cold CPU.
function copyOf(buffer: Uint8Array, length: number): Buffer {
  const copy = Buffer.allocUnsafe(length);
  copy.set(new Uint8Array(buffer.buffer, buffer.byteOffset, length));
  return copy;
}

/** Creates the raw-socket client for `base` (an http: URL). */
export function createSocketUpstream(base: URL): Upstream {
  const host = base.hostname.replace(/^\[|\]$/g, "");
  const port = Number(base.port || 80);
  const prefix = base.pathname.replace(/\/$/, "");
  const idle: Conn[] = [];
  const busy = new Set<Conn>();

  // Each socket keeps one set of listeners for life, routed to whoever uses it now:
  // adding and removing listeners per call cost more than the call's own work.
  const open = (): Conn => {
    // Reads land in one shared buffer and go straight to the call using the socket, copied
    // (the buffer is reused at the next read): no readable-stream bookkeeping, whose
    // deferred work would otherwise run before the caller's continuation gets the reply.
    const onread = {
      buffer: READ_BUFFER,
      callback(bytes: number, buffer: Uint8Array): boolean {
        if (conn.user) conn.user.data(copyOf(buffer, bytes));
        else idleEnd();
        return true;
      },
    };
    const conn: Conn = { socket: connect({ host, port, noDelay: true, onread }), user: undefined, idleSince: 0, deadlineAt: 0, expire: undefined };
    const idleEnd = () => drop(conn);
    conn.socket
      .on("end", () => (conn.user ? conn.user.end() : idleEnd()))
      .on("close", () => (conn.user ? conn.user.end() : idleEnd()))
      .on("error", () => (conn.user ? conn.user.end() : idleEnd()));
    return conn;
  };
  const drop = (conn: Conn) => {
    conn.socket.destroy();
    const at = idle.indexOf(conn);
    if (at >= 0) idle.splice(at, 1);
  };
  const park = (conn: Conn) => {
    conn.user = undefined;
    if (idle.length >= MAX_IDLE_SOCKETS) return void conn.socket.destroy();
    conn.idleSince = performance.now();
    idle.push(conn);
  };
  // The sweep runs while any socket is busy or idle, and stops when there is none.
  const sweep = createSweep(SWEEP_MS, (now) => {
    for (const conn of busy) if (conn.deadlineAt <= now) conn.expire?.();
    const oldest = now - IDLE_SOCKET_MS;
    for (const conn of idle.filter((c) => c.idleSince < oldest)) drop(conn);
    return busy.size > 0 || idle.length > 0;
  });

  function attempt(call: UpstreamCall, request: Outgoing, allowStale: boolean): Promise<UpstreamReply> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      if (call.cancel?.cancelled) return reject(cancelledError());
      const reused = idle.pop();
      const conn = reused ?? open();
      // Written first: the reply cannot arrive before this turn ends, so the parser, the
      // deadline and the cancel hook are set up while the upstream works, not before it starts.
      send(conn.socket, request);
      busy.add(conn);
      const parser = createReplyParser(call.maxReplyBytes);
      let received = false;
      let settled = false;
      const release = () => {
        settled = true;
        conn.expire = undefined;
        call.cancel?.onCancel(undefined);
        busy.delete(conn);
      };
      const settle = (error: Error | undefined) => {
        if (settled) return;
        release();
        if (error) {
          conn.user = undefined;
          conn.socket.destroy();
          return reject(error);
        }
        if (parser.keepAlive && !conn.socket.destroyed) park(conn);
        else {
          conn.user = undefined;
          conn.socket.destroy();
        }
        resolve({ status: parser.status, body: parser.body() });
      };
      conn.user = {
        data(chunk) {
          received = true;
          try {
            if (parser.push(chunk)) settle(undefined);
          } catch (error) {
            // Malformed or over its cap: the same 502 as any reply that is not an embedding.
            if (!(error instanceof ReplyError)) throw error;
            settle(new GatewayError("error:upstream"));
          }
        },
        end() {
          if (settled) return;
          if (parser.end()) return settle(undefined);
          // A kept-alive socket the server closed just as we wrote: try once on a fresh one.
          if (reused && !received && allowStale) {
            release();
            conn.user = undefined;
            conn.socket.destroy();
            // The retry gets what is left of the deadline, so it stays one total deadline.
            const left = Math.max(0, call.deadlineMs - (performance.now() - started));
            return void attempt({ ...call, deadlineMs: left }, request, false).then(resolve, reject);
          }
          settle(new GatewayError("unavailable:upstream"));
        },
      };
      conn.deadlineAt = started + call.deadlineMs;
      conn.expire = () => settle(new GatewayError("timeout:upstream"));
      sweep.watch();
      call.cancel?.onCancel(() => settle(cancelledError()));
    });
  }

  return {
    call(call) {
      const { body } = call;
      const length = body === undefined ? "" : `Content-Type: application/json\r\nContent-Length: ${typeof body === "string" ? Buffer.byteLength(body) : body.length}\r\n`;
      const head = `${call.method} ${prefix}${call.path} HTTP/1.1\r\nHost: ${base.host}\r\nAccept: application/json\r\n${length}\r\n`;
      return attempt(call, typeof body === "object" ? [head, body] : head + (body ?? ""), true);
    },
    destroy() {
      sweep.stop();
      for (const conn of [...idle, ...busy]) conn.socket.destroy();
      idle.length = 0;
      busy.clear();
    },
  };
}

