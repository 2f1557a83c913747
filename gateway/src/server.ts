// createServer: the gateway as a node:http server. Checks run in a fixed order:
// route (404/405) → token (401, no bucket touched) → an empty bucket (429, body unread)
// → body limits (413) → JSON and model (400/403) → the bucket (429) → the cache →
// a slot in the upstream pool (503) → Ollama.
import { createServer as createHttpServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createBuckets } from "./bucket";
import { createEmbeddingCache } from "./cache";
import { createCancel } from "./cancel";
import type { GatewayConfig } from "./config";
import type { EmbedDeps } from "./embed";
import { replyTo } from "./errors";
import { createFastPath } from "./fast-path";
import type { FastPath } from "./fast-path";
import { createHandler } from "./handler";
import type { Exchange } from "./handler";
import { createHealthCheck } from "./health";
import { createMetrics } from "./metrics";
import type { GatewayMetrics } from "./metrics";
import { startMetricsServer } from "./metrics-server";
import type { MetricsServer } from "./metrics-server";
import { createPool } from "./pool";
import type { Pool } from "./pool";
import { readBody, requestLimits } from "./request";
import { checkingIntervalMs } from "./sweep";
import { bearerToken, createTokenSet, readTokensFile } from "./tokens";

// Idle keep-alive connections close after this; a proxy in front (deploy/cloudflared-config.yml)
// must keep its idle connections for less, or it may send a request on a closing one.
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

// An error answered before the body was read: Node would then drain the body to keep the
// connection, so a client could hold the socket with a body it never sends. A large or
// chunked body closes the connection at once; a small declared one (a bad token's usual
// request, already on its way) may keep it, if it arrives before a short deadline.
const DRAIN_MAX_BYTES = 16 * 1024; // a few packets: arrives within one round trip
const DRAIN_DEADLINE_MS = 500; // past this the socket is destroyed

function limitUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (!(declared <= DRAIN_MAX_BYTES) || req.headers["transfer-encoding"] !== undefined) return void res.setHeader("Connection", "close");
  const timer = setTimeout(() => req.socket.destroy(), DRAIN_DEADLINE_MS);
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
}

/** The running gateway. */
export type Gateway = {
  server: Server;
  pool: Pool;
  metrics: GatewayMetrics;
  /** Probes every upstream (models included), then listens on config.host:config.port (or an inherited fd) and resolves to the base URL; starts the metrics listener when configured. */
  listen(options?: { fd?: number }): Promise<string>;
  /** `http://host:port/metrics` once listening with a metrics port, else undefined. */
  readonly metricsUrl: string | undefined;
  /** Re-reads the tokens file; on any problem the old tokens stay in force. */
  reloadTokens(): { ok: true; count: number } | { ok: false; error: string };
  /** Stops accepting, lets requests in flight finish (up to shutdownGraceMs), then resolves. */
  close(): Promise<void>;
};

/** Builds the gateway from a config; throws TokenFileError if the tokens file is unusable. */
export function createServer(config: GatewayConfig): Gateway {
  let tokens = createTokenSet(readTokensFile(config.tokensFile));
  const metrics = createMetrics({ withProcessMetrics: config.metricsPort !== undefined });
  const pool = createPool({ upstreams: config.upstreams, models: config.models, queueSize: config.queueSize, metrics, log: config.log });
  const cache = config.cacheEntries > 0 ? createEmbeddingCache(config.cacheEntries) : undefined;
  metrics.sources.cacheEntries = () => cache?.size ?? 0;
  const deps: EmbedDeps = {
    config,
    limits: requestLimits(config),
    pool,
    buckets: createBuckets(config),
    cache,
    metrics,
  };
  const health = createHealthCheck(pool);
  let metricsServer: MetricsServer | undefined;
  let closing = false;

  const handler = createHandler({ deps, health, tokens: () => tokens });

  // node:http's door: every request the fast path does not take.
  function handle(req: IncomingMessage, res: ServerResponse) {
    const cancel = createCancel();
    const x: Exchange = {
      started: performance.now(),
      method: req.method ?? "",
      pathname: (req.url ?? "").split("?")[0],
      identify: (tokens) => tokens.identify(bearerToken(req.headers.authorization)),
      clientId: "-",
      reply: replyTo(res),
      cancel,
      readBody: (maxBytes) => readBody(req, res, maxBytes),
      beforeError: () => void (!req.complete && limitUnreadBody(req, res)),
      destroy: () => void req.socket.destroy(),
    };
    res.on("close", () => {
      const finished = res.writableFinished;
      if (!finished) cancel.cancel();
      // While shutting down, a keep-alive connection is closed as soon as its answer is out.
      if (closing) setImmediate(() => server.closeIdleConnections());
      handler.finish(x, finished ? res.statusCode : 499);
    });
    void handler.handle(x);
  }

  // The fast path takes every new connection first; node:http gets the ones it hands off,
  // through node:http's own `connection` listener (the documented way to give it a socket).
  function takeConnections(http: Server): FastPath {
    const listeners = http.listeners("connection") as Array<(socket: Socket) => void>;
    if (listeners.length !== 1) throw new Error(`node:http has ${listeners.length} connection listeners; the fast path expects its one`);
    const [httpConnection] = listeners;
    http.removeListener("connection", httpConnection);
    const door = createFastPath({
      handler,
      metrics,
      handOff: (socket) => httpConnection.call(http, socket),
      headersTimeoutMs: config.headersTimeoutMs,
      keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
      idleTimeoutMs: KEEP_ALIVE_TIMEOUT_MS + ((http as Server & { keepAliveTimeoutBuffer?: number }).keepAliveTimeoutBuffer ?? 0),
      closing: () => closing,
    });
    http.on("connection", door.accept);
    return door;
  }

  const server = createHttpServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      // Node checks the two timeouts above on this interval; it must be finer than they are.
      connectionsCheckingInterval: checkingIntervalMs(config.headersTimeoutMs),
      maxHeaderSize: 8 * 1024,
    },
    handle,
  );
  // Past the cap, new connections are closed at accept: the Pi keeps its memory.
  server.maxConnections = config.maxConnections;
  // Without this listener Node would answer `100 Continue` before any check ran.
  server.on("checkContinue", handle);
  const fast = config.fastPath ? takeConnections(server) : undefined;

  return {
    server,
    pool,
    metrics,
    get metricsUrl() {
      return metricsServer?.url;
    },
    async listen(options = {}) {
      await pool.probeAll();
      if (config.metricsPort !== undefined) metricsServer = await startMetricsServer({ registry: metrics.registry, host: config.metricsHost, port: config.metricsPort });
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        const done = () => {
          const { address, port } = server.address() as AddressInfo;
          resolve(`http://${address.includes(":") ? `[${address}]` : address}:${port}`);
        };
        if (options.fd !== undefined) server.listen({ fd: options.fd }, done);
        else server.listen(config.port, config.host, done);
      });
    },
    reloadTokens() {
      try {
        tokens = createTokenSet(readTokensFile(config.tokensFile));
        return { ok: true, count: tokens.size };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    close: () =>
      new Promise((resolve) => {
        closing = true;
        const force = setTimeout(() => {
          server.closeAllConnections();
          fast?.destroyAll();
        }, config.shutdownGraceMs);
        server.close(() => {
          clearTimeout(force);
          pool.close();
          void (metricsServer?.close() ?? Promise.resolve()).then(() => resolve());
        });
        server.closeIdleConnections();
        fast?.closeIdle();
      }),
  };
}
