// The raw-socket front door. node:http's own machinery cost more per request than all of
// the gateway's checks, so the hot path, a whole well-formed `POST /api/embed` (see
// request-head.ts), is read and answered here on the socket, through the same handler and
// pipeline as every other request. The first request on a connection that is not of that
// shape, or not whole in hand, hands the connection to node:http for good: the bytes held
// are put back on the socket, which node:http then reads as if it had been its own.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { createCancel } from "./cancel";
import { answerHeaders } from "./errors";
import type { Exchange, Handler } from "./handler";
import type { GatewayMetrics } from "./metrics";
import { tooLarge } from "./request";
import { judgeRequest } from "./request-head";
import { checkingIntervalMs, createSweep } from "./sweep";
import { createTokenMemo } from "./token-memo";
import type { ByteRange, TokenMemo } from "./token-memo";

// Pipelined bytes held while a request is in flight; past this the socket stops reading
// (node:http pauses a pipelining client the same way).
const MAX_PENDING_BYTES = 64 * 1024;
// What node:http writes to a connection that sent nothing within its headers timeout.
const REQUEST_TIMEOUT_ANSWER = "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n";

/** The fast path's side of the server. */
export type FastPath = {
  /** Takes a new connection (the listening server's `connection` event). */
  accept(socket: Socket): void;
  /** Closes every connection with no request in flight; the others close after their answer. */
  closeIdle(): void;
  /** Destroys every connection the fast path holds. */
  destroyAll(): void;
};

// `request`: the one in flight; `draining`: answers wait in memory for a client that is not reading.
// `lastActive`: the last read, answer or drain, for the timeouts' sweep.
type Conn = { socket: Socket; held: Buffer | undefined; request: Exchange | undefined; draining: boolean; abort: () => void; served: number; tokenMemo: TokenMemo; lastActive: number; expire(): void; detach(): void };

/** Creates the fast path; `handOff` gives a socket (its held bytes already put back) to node:http. */
export function createFastPath(options: {
  handler: Handler;
  metrics: GatewayMetrics;
  handOff(socket: Socket): void;
  headersTimeoutMs: number;
  /** Announced in `Keep-Alive: timeout=N`, as node:http does. */
  keepAliveTimeoutMs: number;
  /** When an idle kept-alive socket is closed (node:http adds a grace period to the announced timeout). */
  idleTimeoutMs: number;
  closing(): boolean;
}): FastPath {
  const { handler, metrics } = options;
  const open = new Set<Conn>();

  // Timeouts by one sweep over the open connections, as node:http checks its own, instead
  // of a timer per socket, which Node refreshes on every read and write of the hot path.
  // A connection times out up to one sweep late; the sweep runs while any is open.
  const sweep = createSweep(checkingIntervalMs(Math.min(options.headersTimeoutMs, options.idleTimeoutMs)), (now) => {
    for (const conn of open) {
      const limit = conn.served === 0 ? options.headersTimeoutMs : options.idleTimeoutMs;
      if (now - conn.lastActive >= limit) conn.expire();
    }
    return open.size > 0;
  });
  const keepAlive = `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(options.keepAliveTimeoutMs / 1000)}\r\n\r\n`;

  const handOff = (conn: Conn) => {
    const { socket, held } = conn;
    conn.detach();
    conn.held = undefined;
    if (held) socket.unshift(held);
    metrics.fastPath.handedOff++;
    options.handOff(socket);
  };

  // Serves every whole embed request in hand, one at a time; hands off at the first that is not one.
  const next = (conn: Conn) => {
    const buffer = conn.held;
    if (!buffer || conn.request || conn.draining || conn.socket.destroyed) return;
    const verdict = judgeRequest(buffer);
    if (verdict.kind === "hand-off") return handOff(conn);
    conn.held = verdict.bodyEnd < buffer.length ? buffer.subarray(verdict.bodyEnd) : undefined;
    serve(conn, buffer, verdict.authorization, buffer.subarray(verdict.bodyStart, verdict.bodyEnd));
  };

  const proceed = (conn: Conn) => {
    if (conn.socket.isPaused()) conn.socket.resume();
    // A pipelined request waits for the next turn of the loop, so a long pipeline cannot deepen the stack.
    if (conn.held) setImmediate(next, conn);
  };

  const serve = (conn: Conn, bytes: Buffer, authorization: ByteRange | undefined, body: Buffer) => {
    const { socket } = conn;
    const cancel = createCancel();
    const x: Exchange = {
      started: performance.now(),
      method: "POST",
      pathname: "/api/embed",
      identify: (tokens) => conn.tokenMemo.identify(tokens, bytes, authorization),
      clientId: "-",
      cancel,
      reply(status, payload, contentType, extra) {
        if (conn.request !== x || socket.destroyed) return;
        conn.request = undefined;
        const close = options.closing();
        // Head and body in one system call (writev), the body not copied.
        socket.cork();
        socket.write(head(status, payload, contentType, extra, close ? "Connection: close\r\n\r\n" : keepAlive), "latin1");
        socket.write(payload);
        socket.uncork();
        handler.finish(x, status);
        metrics.fastPath.served++;
        conn.served++;
        conn.lastActive = performance.now();
        if (close) return void socket.end(() => socket.destroy());
        // A client that pipelines requests but does not read the answers gets no more
        // served until it does: otherwise its answers would pile up in memory.
        if (!socket.writableNeedDrain) return proceed(conn);
        conn.draining = true;
        socket.pause();
        socket.once("drain", () => {
          conn.draining = false;
          conn.lastActive = performance.now();
          proceed(conn);
        });
      },
      // The body is in hand: the limit is checked, nothing is read, and nothing waits.
      readBody(maxBytes) {
        if (body.length > maxBytes) throw tooLarge(maxBytes);
        return body;
      },
      beforeError: () => undefined,
      destroy: () => void socket.destroy(),
    };
    conn.request = x;
    conn.abort = cancel.cancel;
    void handler.handle(x);
  };

  // The same status line and headers, in the same order, as node:http writes for this answer.
  const head = (status: number, payload: Buffer, contentType: string, extra: readonly string[] | undefined, tail: string): string => {
    const headers = answerHeaders(payload, contentType, extra);
    let text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n`;
    for (let i = 0; i < headers.length; i += 2) text += `${headers[i]}: ${headers[i + 1]}\r\n`;
    return `${text}Date: ${utcDate()}\r\n${tail}`;
  };

  return {
    accept(socket) {
      const conn: Conn = { socket, held: undefined, request: undefined, draining: false, abort: () => undefined, served: 0, tokenMemo: createTokenMemo(), lastActive: performance.now(), expire: () => undefined, detach: () => undefined };
      const onData = (chunk: Buffer) => {
        conn.lastActive = performance.now();
        conn.held = conn.held ? Buffer.concat([conn.held, chunk]) : chunk;
        if (!conn.request && !conn.draining) return next(conn);
        if (conn.held.length > MAX_PENDING_BYTES) socket.pause();
      };
      // A client that leaves (or half-closes) with a request in flight cancels it, as with node:http.
      const onEnd = () => void (conn.request ? socket.destroy() : socket.end());
      const onClose = () => {
        open.delete(conn);
        const x = conn.request;
        if (!x) return;
        conn.request = undefined;
        conn.abort();
        handler.finish(x, 499);
      };
      const onError = () => void socket.destroy();
      conn.expire = () => {
        if (conn.request) return; // an answer on its way; the wait starts again when it is written
        conn.lastActive = Infinity; // once: the socket is on its way out
        if (conn.draining) return void socket.destroy(); // answers unread for the whole idle timeout
        // Ended, then destroyed: a client that never closes its side cannot keep the socket half-open.
        if (conn.served === 0) socket.end(REQUEST_TIMEOUT_ANSWER, () => socket.destroy());
        else socket.destroy();
      };
      conn.detach = () => {
        open.delete(conn);
        socket.off("data", onData).off("end", onEnd).off("close", onClose).off("error", onError);
      };
      open.add(conn);
      sweep.watch();
      socket.setNoDelay(true);
      socket.on("data", onData).on("end", onEnd).on("close", onClose).on("error", onError);
    },
    closeIdle() {
      for (const conn of open) if (!conn.request) conn.socket.destroy();
    },
    destroyAll() {
      for (const conn of open) conn.socket.destroy();
    },
  };
}

// The Date header, made once a second as node:http does.
let dateText = "";
let dateExpires = 0;
function utcDate(): string {
  const now = Date.now();
  if (now >= dateExpires) {
    dateText = new Date(now).toUTCString();
    dateExpires = now - (now % 1000) + 1000;
  }
  return dateText;
}
