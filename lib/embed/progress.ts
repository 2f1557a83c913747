/** Formats milliseconds as `1m48s`, `12s` or `0.4s`. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

/** One progress line: `batch 3/14 · 24/111 chunks · 1m48s · eta 5m10s`. */
export function formatProgress({ batch, batches, done, total, elapsedMs }: { batch: number; batches: number; done: number; total: number; elapsedMs: number }): string {
  const eta = done > 0 ? ((total - done) * elapsedMs) / done : 0;
  return `batch ${batch}/${batches} · ${done}/${total} chunks · ${formatDuration(elapsedMs)} · eta ${formatDuration(eta)}`;
}

/** Where progress goes: a line per batch in CI logs, one rewritten line on a TTY. */
export interface ProgressSink {
  update(line: string): void;
  done(): void;
}

/** A sink writing to a stream: `\r`-rewritten on a TTY, a plain line per batch elsewhere. */
export function streamProgressSink(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  let open = false;
  return {
    update(line) {
      if (stream.isTTY) {
        stream.write(`\r\u001b[2K${line}`);
        open = true;
      } else stream.write(`${line}\n`);
    },
    done() {
      if (open) stream.write("\n");
      open = false;
    },
  };
}
