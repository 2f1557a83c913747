// A cap on concurrent upstream calls with a short FIFO queue: the Pi embeds one
// thing at a time, so piling requests onto Ollama only makes every one of them slow.

/** Releases the slot; calling it twice is harmless. */
export type Release = () => void;

/** The cap and its queue. */
export type Semaphore = {
  /** A promise of a slot, or undefined at once when the queue is full. Rejects if the signal aborts while waiting. */
  tryAcquire(signal?: AbortSignal): Promise<Release> | undefined;
  readonly active: number;
  readonly waiting: number;
};

/** Creates a semaphore of `limit` slots and `queueSize` waiting places. */
export function createSemaphore(options: { limit: number; queueSize: number }): Semaphore {
  let active = 0;
  const queue: Array<(release: Release) => void> = [];
  const makeRelease = (): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) next(makeRelease());
      else active--;
    };
  };
  return {
    tryAcquire(signal) {
      if (active < options.limit) {
        active++;
        return Promise.resolve(makeRelease());
      }
      if (queue.length >= options.queueSize) return undefined;
      return new Promise<Release>((resolve, reject) => {
        const waiter = (release: Release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        };
        const onAbort = () => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(signal?.reason ?? new Error("aborted"));
        };
        queue.push(waiter);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
