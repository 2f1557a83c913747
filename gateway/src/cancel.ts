// A client that leaves cancels its request: the queue drops it, the upstream call stops.
// One listener at a time is all the request path needs, and Node's AbortSignal (an
// EventTarget) cost more per request than the rest of the proxying on a small machine.

/** The request's side: is it cancelled, and what to do when it is. */
export type Cancel = {
  readonly cancelled: boolean;
  /** Sets the one thing to do on cancel (replacing the previous one); undefined clears it. */
  onCancel(listener: (() => void) | undefined): void;
};

/** A cancel token and the function that fires it (once). */
export function createCancel(): Cancel & { cancel(): void } {
  let listener: (() => void) | undefined;
  const token = {
    cancelled: false,
    onCancel(next: (() => void) | undefined) {
      listener = next;
    },
    cancel() {
      if (token.cancelled) return;
      token.cancelled = true;
      const run = listener;
      listener = undefined;
      run?.();
    },
  };
  return token;
}

/** The error a cancelled wait or call rejects with; never shown to anyone (the client left). */
export function cancelledError(): Error {
  const error = new Error("client went away");
  error.name = "AbortError";
  return error;
}
