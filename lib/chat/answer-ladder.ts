import { ANSWER_FIRST_TOKEN_TIMEOUT_MS, ANSWER_IDLE_TIMEOUT_MS } from "./providers/tuning";
import type { AnswerInput, AnswerPath, AnswerProvider, BudgetState } from "./types";

/** A started answer: which rung answered and the rest of its deltas (the first one included). */
export interface StartedAnswer {
  path: AnswerPath;
  deltas: AsyncIterable<string>;
  /** The day's answer budget, when this answer drew on it (lib/chat/budgets.ts). */
  budget?: BudgetState;
}

/**
 * Tries each provider in order; one that fails, times out or stays empty before its
 * first token hands over to the next. After the first token, errors reach the caller.
 */
export async function startAnswer({ providers, input, log = console.warn }: {
  providers: AnswerProvider[];
  input: AnswerInput;
  log?: (message: string) => void;
}): Promise<StartedAnswer> {
  for (const provider of providers) {
    const rung = new AbortController();
    const signal = input.signal ? AbortSignal.any([input.signal, rung.signal]) : rung.signal;
    const iterator = provider.stream({ ...input, signal })[Symbol.asyncIterator]();
    try {
      const first = await nextWithin(iterator, ANSWER_FIRST_TOKEN_TIMEOUT_MS, rung);
      if (first.done) throw new Error("empty answer");
      return { path: provider.name, deltas: rest(first.value, iterator, rung) };
    } catch (error) {
      if (input.signal?.aborted) throw error;
      rung.abort();
      log(`chat: ${provider.name} failed before its first token (${error instanceof Error ? error.message : String(error)}); trying the next answer path`);
    }
  }
  throw new Error("no answer provider produced a token");
}

async function* rest(first: string, iterator: AsyncIterator<string>, rung: AbortController): AsyncGenerator<string> {
  try {
    yield first;
    for (;;) {
      const next = await nextWithin(iterator, ANSWER_IDLE_TIMEOUT_MS, rung);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    rung.abort();
    void Promise.resolve(iterator.return?.()).catch(() => {});
  }
}

/** `iterator.next()`, or a timeout error (aborting the rung) after `ms`. */
async function nextWithin<T>(iterator: AsyncIterator<T>, ms: number, rung: AbortController): Promise<IteratorResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      rung.abort();
      reject(new Error(`no output for ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([iterator.next(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
