import { describe, expect, it } from "vitest";
import { createSemaphore } from "./semaphore";

describe("createSemaphore", () => {
  it("hands slots out up to the limit, queues the next in order, and refuses past the queue", async () => {
    const semaphore = createSemaphore({ limit: 1, queueSize: 2 });
    const release = await semaphore.tryAcquire();
    const order: number[] = [];
    const second = semaphore.tryAcquire()?.then((r) => (order.push(2), r));
    const third = semaphore.tryAcquire()?.then((r) => (order.push(3), r));
    expect(semaphore.tryAcquire()).toBeUndefined();
    expect(semaphore.waiting).toBe(2);
    release?.();
    (await second)?.();
    (await third)?.();
    expect(order).toEqual([2, 3]);
    expect(semaphore.active).toBe(0);
  });

  it("drops a waiter whose signal aborts, and a double release frees one slot only", async () => {
    const semaphore = createSemaphore({ limit: 1, queueSize: 1 });
    const release = await semaphore.tryAcquire();
    const controller = new AbortController();
    const waiting = semaphore.tryAcquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(semaphore.waiting).toBe(0);
    release?.();
    release?.();
    expect(semaphore.active).toBe(0);
  });
});
