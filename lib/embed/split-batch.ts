import { EmbedError } from "./errors";
import type { EmbedItem } from "./embed-batches";

/**
 * Statuses one bad input can cause, so a failed batch is worth splitting: Ollama's 400 and
 * the gateway's 413 and 422 refuse an input, bge-m3 answers 500 "json: unsupported value:
 * NaN" for some texts (ollama#14657, #15582), and the gateway passes that 500 on as 502.
 * Busy (429, 503), timed out (504) or missing (404) are the server's state, never an input's.
 */
const INPUT_FAULT_STATUSES = new Set([400, 413, 422, 500, 502]);

/** Whether a failed request may be one input's fault (worth splitting its batch), not the server's. */
export function blamesInput(error: unknown): boolean {
  return error instanceof EmbedError && error.httpStatus !== undefined && INPUT_FAULT_STATUSES.has(error.httpStatus);
}

/** Retry rule inside a split: wait out a busy or unreachable server, but never resend an input the server refused. */
export function retriesTransientOnly(error: unknown): boolean {
  return error instanceof EmbedError && error.retryable && !blamesInput(error);
}

/** What a split needs from the batch loop: one request per part, and where its outcomes go. */
export interface SplitHandlers {
  /** One request for these items (retrying only transient failures); throws the request's error. */
  send(items: EmbedItem[]): Promise<Float32Array[]>;
  vectors(items: EmbedItem[], vectors: Float32Array[]): void;
  /** Whether the server embedded anything in this build (or `item` failed alone before): only then are failures the inputs' fault. */
  serverWorks(item?: EmbedItem): boolean;
  /** `unembeddable`: this one item failed alone with an input fault; remembered for the next build. */
  failed(items: EmbedItem[], reason: string, unembeddable: boolean): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The warning's reason for an input the server could not embed on its own. */
export function unembeddableReason(error: unknown): string {
  return `the embedding server cannot embed this chunk (alone, ${messageOf(error)}); the next build tries it once, alone`;
}

/**
 * A batch failed with an input fault: bisect it until each failing part is one item, so
 * only the inputs the server cannot embed stay without a vector. When both halves of a
 * part fail, neither a single item, and the server has embedded nothing in this build,
 * it is failing everything rather than one input: those parts fail as they are and
 * nothing is remembered. (After any success, both halves are bisected: two bad inputs.)
 * Returns the error that stopped the endpoint (network, refused token), if one did.
 */
export async function splitFailedBatch(items: EmbedItem[], error: unknown, handlers: SplitHandlers): Promise<unknown> {
  if (items.length === 1) {
    if (handlers.serverWorks(items[0]!)) handlers.failed(items, unembeddableReason(error), true);
    else handlers.failed(items, messageOf(error), false);
    return undefined;
  }
  const middle = Math.ceil(items.length / 2);
  const halves = [items.slice(0, middle), items.slice(middle)];
  const faults: Array<[EmbedItem[], unknown]> = [];
  for (const half of halves) {
    try {
      handlers.vectors(half, await handlers.send(half));
    } catch (halfError) {
      if (blamesInput(halfError)) faults.push([half, halfError]);
      else {
        handlers.failed(half, messageOf(halfError), false);
        if (stopsEndpoint(halfError)) return halfError;
      }
    }
  }
  if (faults.length === 2 && faults.every(([half]) => half.length > 1) && !handlers.serverWorks()) {
    for (const [half, halfError] of faults) handlers.failed(half, `${messageOf(halfError)} (both halves of the batch failed: the server, not one input)`, false);
    return undefined;
  }
  for (const [half, halfError] of faults) {
    const stopped = await splitFailedBatch(half, halfError, handlers);
    if (stopped) return stopped;
  }
  return undefined;
}

/** Failures after which no further request to this endpoint can succeed in this build: it is unreachable, or refuses the token. */
export function stopsEndpoint(error: unknown): boolean {
  if (!(error instanceof EmbedError)) return false;
  return (error.retryable && error.httpStatus === undefined) || error.httpStatus === 401 || error.httpStatus === 403;
}
