import { afterEach, describe, expect, it } from "vitest";
import { startFakeOllama } from "../../test/fake-ollama";
import type { FakeOllama } from "../../test/fake-ollama";
import { createCancel } from "./cancel";
import { createMetrics } from "./metrics";
import { createPool } from "./pool";
import type { Lease, Pool } from "./pool";

let fakes: FakeOllama[] = [];
let pool: Pool | undefined;
afterEach(async () => {
  pool?.close();
  for (const fake of fakes) await fake.close();
  [fakes, pool] = [[], undefined];
});

async function poolOf(caps: number[], queueSize = 2) {
  fakes = await Promise.all(caps.map(() => startFakeOllama({ dimensions: 8 })));
  pool = createPool({ upstreams: fakes.map((f, i) => ({ url: new URL(f.url), concurrency: caps[i] })), models: ["bge-m3"], queueSize, metrics: createMetrics(), log: () => undefined });
  await pool.probeAll();
  return pool;
}

describe("createPool", () => {
  it("gives each call to the least busy member relative to its cap, taking turns on ties", async () => {
    const p = await poolOf([1, 3]);
    const labels = [];
    for (let i = 0; i < 4; i++) {
      const lease = p.acquire();
      // A free slot is granted at once, not in a later turn of the event loop.
      expect(lease).not.toBeInstanceOf(Promise);
      labels.push((lease as Lease).member.label);
    }
    const [small, big] = p.members.map((m) => m.label);
    // 0/1 vs 0/3 tie → small; then 1/1 full → big three times.
    expect(labels).toEqual([small, big, big, big]);
    expect(p.acquire()).toBeInstanceOf(Promise);
  });

  it("queues past every cap in FIFO order, and refuses at once when the queue is full", async () => {
    const p = await poolOf([1], 2);
    const held = await p.acquire()!;
    const order: number[] = [];
    const second = (p.acquire() as Promise<Lease>).then((lease) => (order.push(2), lease));
    const third = (p.acquire() as Promise<Lease>).then((lease) => (order.push(3), lease));
    expect(p.acquire()).toBeUndefined();
    expect(p.waiting).toBe(2);
    held.release();
    (await second).release();
    (await third).release();
    expect(order).toEqual([2, 3]);
    expect(p.members[0].active).toBe(0);
  });

  it("drops a waiter whose request is cancelled, and a double release frees one slot only", async () => {
    const p = await poolOf([1], 2);
    const held = await p.acquire()!;
    const cancel = createCancel();
    const waiting = p.acquire(cancel)!;
    cancel.cancel();
    await expect(waiting).rejects.toThrow();
    expect(p.waiting).toBe(0);
    held.release();
    held.release();
    expect(p.members[0].active).toBe(0);
  });

  it("skips a member marked down while another is up, and uses a down one when none is up", async () => {
    const p = await poolOf([2, 2]);
    const [a, b] = p.members;
    p.markDown(a, "test");
    for (let i = 0; i < 2; i++) expect((await p.acquire())!.member).toBe(b);
    p.markDown(b, "test");
    expect(p.anyUp()).toBe(false);
    expect((await p.acquire())!.member).toBe(a);
  });

  it("attack: an unauthenticated /healthz probe cannot end a failed member's cool-off early (its /api/tags still answers)", async () => {
    const p = await poolOf([2, 2]);
    const [a] = p.members;
    p.markDown(a!, "answered 500");
    await p.probeAll(); // what GET /healthz triggers, at most once a second, for anyone
    expect(a!.state).toBe("down");
  });
});
