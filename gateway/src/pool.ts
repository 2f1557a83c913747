// The upstream pool: which Ollama gets the next call. Least busy healthy upstream first;
// one that fails is marked down for a cool-off (passive, as nginx's fail_timeout) and
// re-probed (active); one that does not serve every allowed model is kept out.
import { cancelledError } from "./cancel";
import type { Cancel } from "./cancel";
import type { UpstreamSpec } from "./config";
import { GatewayError } from "./errors";
import type { GatewayMetrics } from "./metrics";
import { modelsMissing } from "./probe";
import { createUpstream } from "./upstream";
import type { Upstream } from "./upstream";

const COOL_OFF_MS = 10_000; // a restarting Ollama is back within seconds; until then the others carry the load
const PROBE_INTERVAL_MS = 5_000; // how often a down or mismatched upstream is probed again

/** One upstream as the pool sees it. */
export type Member = {
  /** `host:port`, the label in logs and metrics. */
  label: string;
  client: Upstream;
  limit: number;
  active: number;
  /** `unknown` until the first probe; `mismatched` lacks an allowed model and is never used. */
  state: "unknown" | "up" | "down" | "mismatched";
  downUntil: number;
};

/** A slot on one member; release it exactly once when the call is over (twice is harmless). */
export type Lease = { member: Member; release(): void };

/** The pool the request path asks for upstreams. */
export type Pool = {
  readonly members: readonly Member[];
  readonly waiting: number;
  /** A slot on the least busy usable member (never `exclude`): the lease itself when one is free now, else a promise of one (rejected if the request is cancelled while waiting); undefined when the queue is full; throws (502) when every member lacks a model. */
  acquire(cancel?: Cancel, exclude?: Member): Lease | Promise<Lease> | undefined;
  /** Passive health: a failed call marks the member down for the cool-off. */
  markDown(member: Member, reason: string): void;
  /** Probes a member again (models included): after a good answer while it was down, or Ollama's "model not found". */
  recheck(member: Member): void;
  /** Probes every member now (models included); resolves when all have answered or timed out. */
  probeAll(): Promise<void>;
  /** Whether a call could go somewhere other than `member`. */
  hasAlternative(member: Member): boolean;
  anyUp(): boolean;
  close(): void;
};

type Waiter = { exclude?: Member; grant(lease: Lease): void };

/** Creates the pool and starts re-probing down members in the background. */
export function createPool(options: { upstreams: UpstreamSpec[]; models: string[]; queueSize: number; metrics: GatewayMetrics; log(line: string): void; now?: () => number }): Pool {
  const { metrics, log } = options;
  const now = options.now ?? Date.now;
  const members: Member[] = options.upstreams.map((spec) => ({ label: spec.url.host, client: createUpstream(spec.url), limit: spec.concurrency, active: 0, state: "unknown", downUntil: 0 }));
  const queue: Waiter[] = [];
  for (const member of members) metrics.upstreamUp.labels(member.label).set(0);
  metrics.sources.inFlight = () => members.map((m) => [m.label, m.active]);
  metrics.sources.waiting = () => queue.length;

  const setState = (member: Member, state: Member["state"], why: string) => {
    if (member.state !== state) log(`${new Date().toISOString()} upstream ${member.label} ${state}${why ? `: ${why}` : ""}`);
    member.state = state;
    metrics.upstreamUp.labels(member.label).set(state === "up" ? 1 : 0);
    if (state === "up") drain();
  };

  // Usable now: up; if none is up, any not known to lack a model (a single Ollama that
  // just restarted is tried at once rather than after the cool-off).
  // Ties go round the members in turn, so equally idle upstreams share the load.
  let turn = 0;
  const pick = (exclude?: Member): Member | undefined => {
    const anyUp = members.some((m) => m.state === "up" && m !== exclude);
    let best: Member | undefined;
    for (let k = 0; k < members.length; k++) {
      const m = members[(turn + k) % members.length];
      if (m === exclude || m.state === "mismatched" || (anyUp && m.state !== "up") || m.active >= m.limit) continue;
      if (!best || m.active / m.limit < best.active / best.limit) best = m;
    }
    if (best) turn = (members.indexOf(best) + 1) % members.length;
    return best;
  };

  const lease = (member: Member): Lease => {
    member.active++;
    let released = false;
    return {
      member,
      release() {
        if (released) return;
        released = true;
        member.active--;
        if (queue.length > 0) drain();
      },
    };
  };

  function drain() {
    for (let i = 0; i < queue.length; ) {
      const member = pick(queue[i].exclude);
      if (!member) {
        i++;
        continue;
      }
      const [waiter] = queue.splice(i, 1);
      waiter.grant(lease(member));
    }
  }

  const probing = new Map<Member, Promise<void>>();
  const probe = (member: Member): Promise<void> => {
    const pending = probing.get(member) ?? probeOnce(member).finally(() => probing.delete(member));
    probing.set(member, pending);
    return pending;
  };
  const probeOnce = async (member: Member) => {
    try {
      const reply = await member.client.call({ method: "GET", path: "/api/tags", deadlineMs: PROBE_TIMEOUT_MS, maxReplyBytes: PROBE_MAX_BYTES });
      const missing = reply.status === 200 ? modelsMissing(reply.body, options.models) : undefined;
      if (missing === undefined) return markDown(member, `GET /api/tags answered ${reply.status === 200 ? "something that is not a model list" : reply.status}`);
      if (missing.length > 0) return setState(member, "mismatched", `does not serve ${missing.join(", ")}; kept out until it does`);
      // A member marked down by a failed call sits out its cool-off: a public /healthz probe
      // answering /api/tags says Ollama listens, not that the 5xx or garbage reply is over.
      if (member.state === "down" && now() < member.downUntil) return;
      setState(member, "up", "");
    } catch {
      markDown(member, "unreachable");
    }
  };

  function markDown(member: Member, reason: string) {
    member.downUntil = now() + COOL_OFF_MS;
    setState(member, "down", reason);
  }

  const timer = setInterval(() => {
    for (const m of members) if ((m.state === "down" && now() >= m.downUntil) || m.state === "mismatched") void probe(m);
  }, PROBE_INTERVAL_MS);
  timer.unref();

  return {
    members,
    get waiting() {
      return queue.length;
    },
    acquire(cancel, exclude) {
      if (members.every((m) => m.state === "mismatched")) throw new GatewayError("unavailable:upstream");
      const member = queue.length === 0 ? pick(exclude) : undefined;
      if (member) return lease(member);
      if (queue.length >= options.queueSize) return undefined;
      return new Promise<Lease>((resolve, reject) => {
        const onAbort = () => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(cancelledError());
        };
        const waiter: Waiter = {
          exclude,
          grant(granted) {
            cancel?.onCancel(undefined);
            resolve(granted);
          },
        };
        queue.push(waiter);
        cancel?.onCancel(onAbort);
      });
    },
    markDown,
    recheck: (member) => void probe(member),
    probeAll: async () => void (await Promise.all(members.map(probe))),
    hasAlternative: (member) => members.some((m) => m !== member && m.state !== "mismatched"),
    anyUp: () => members.some((m) => m.state === "up"),
    close() {
      clearInterval(timer);
      for (const m of members) m.client.destroy();
    },
  };
}

const PROBE_TIMEOUT_MS = 2_000; // Ollama lists its models at once when it is up
const PROBE_MAX_BYTES = 1_000_000; // a model list of a few hundred entries
