import { describe, expect, it } from "vitest";
import { formatDuration, formatProgress, streamProgressSink } from "./progress";

describe("formatProgress", () => {
  it("prints batch, chunks, elapsed and a linear eta", () => {
    expect(formatProgress({ batch: 3, batches: 14, done: 24, total: 111, elapsedMs: 108_000 })).toBe("batch 3/14 · 24/111 chunks · 1m48s · eta 6m32s");
  });

  it("prints short durations with a decimal", () => {
    expect(formatDuration(400)).toBe("0.4s");
  });
});

describe("streamProgressSink", () => {
  it("writes a line per batch when not a TTY and rewrites one line on a TTY", () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    const ci = streamProgressSink(stream(false));
    ci.update("a");
    ci.done();
    const tty = streamProgressSink(stream(true));
    tty.update("b");
    tty.done();
    expect(written).toEqual(["a\n", "\r\u001b[2Kb", "\n"]);
  });
});
