// One request, whichever front door took it (node:http, or the raw-socket fast path):
// route (404/405) → token (401, no bucket touched) → the embed pipeline; then one access
// log line and one count per request. The doors differ only in how they read and write.
import type { Cancel } from "./cancel";
import { serveEmbed } from "./embed";
import type { EmbedDeps } from "./embed";
import { GatewayError, sendError } from "./errors";
import type { ErrorSurface, Reply } from "./errors";
import type { HealthCheck } from "./health";
import type { RouteLabel } from "./metrics";
import type { TokenSet } from "./tokens";

// Exact paths only: no normalisation, so `/api/embed/../pull`, `//api/embed`,
// `/api/embed/` and `/API/EMBED` are all simply unknown.
const ROUTES = new Map<string, { method: "POST" | "GET"; surface?: ErrorSurface; label: RouteLabel }>([
  ["/api/embed", { method: "POST", surface: "ollama", label: "/api/embed" }],
  ["/v1/embeddings", { method: "POST", surface: "openai", label: "/v1/embeddings" }],
  ["/healthz", { method: "GET", label: "/healthz" }],
]);

const WWW_AUTHENTICATE = ["WWW-Authenticate", 'Bearer realm="embed-gateway"'];

/** One request as a front door hands it over: what was asked, and how to read its body and answer it. */
export type Exchange = {
  readonly started: number;
  readonly method: string;
  /** The request target without its query string. */
  readonly pathname: string;
  /** The client's id for the request's Authorization header under `tokens`, or undefined (401); a door may remember its last verdict. */
  identify(tokens: TokenSet): string | undefined;
  /** The client's id (8 hex digits) once its token is known, else `-`; set by the handler. */
  clientId: string;
  readonly reply: Reply;
  readonly cancel: Cancel;
  /** The body, refused with 413 past `maxBytes`; a door that has it in hand gives it at once (or throws), so the request reaches the upstream in the same turn. */
  readBody(maxBytes: number): Buffer | Promise<Buffer>;
  /** Runs before an error answer, while the body may be unread (node:http drains or closes). */
  beforeError(): void;
  /** The client left: its socket must not linger half-open. */
  destroy(): void;
};

/** The handler both doors call, and the one place a finished request is logged and counted. */
export type Handler = { handle(x: Exchange): Promise<void>; finish(x: Exchange, status: number): void };

/** Builds the handler over the shared pipeline; `tokens` is read per request, so a reload takes effect at once. */
export function createHandler(options: { deps: EmbedDeps; health: HealthCheck; tokens(): TokenSet }): Handler {
  const { deps, health } = options;
  const { config, metrics } = deps;
  return {
    async handle(x) {
      const route = ROUTES.get(x.pathname);
      const surface: ErrorSurface = route?.surface ?? (x.pathname.startsWith("/v1/") ? "openai" : "ollama");
      try {
        if (!route) throw new GatewayError("not_found:gateway");
        if (x.method !== route.method) throw new GatewayError("method_not_allowed:gateway", { headers: ["Allow", route.method] });
        if (!route.surface) return await health.serve(x.reply);
        const id = x.identify(options.tokens());
        if (!id) {
          metrics.authFailures.inc();
          throw new GatewayError("unauthorized:gateway", { headers: WWW_AUTHENTICATE });
        }
        x.clientId = id;
        await serveEmbed({ readBody: x.readBody, reply: x.reply, surface, clientId: id, cancel: x.cancel, deps });
      } catch (error) {
        if (x.cancel.cancelled) return x.destroy();
        if (!(error instanceof GatewayError)) config.log(`${new Date().toISOString()} ${x.clientId} error: ${(error as Error).message}`);
        x.beforeError();
        sendError(x.reply, error, surface);
      }
    },
    finish(x, status) {
      const route = ROUTES.get(x.pathname);
      const ms = performance.now() - x.started;
      metrics.recordRequest(route?.label ?? "other", status, ms / 1000);
      // Unknown paths are not echoed: a mistyped URL might carry a secret.
      config.log(`${new Date().toISOString()} ${x.clientId} ${x.method} ${route ? x.pathname : "-"} ${status} ${Math.round(ms)}ms`);
    },
  };
}
