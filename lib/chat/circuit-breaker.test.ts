import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";

describe("CircuitBreaker", () => {
  it("stays closed after one failure and opens after the threshold", () => {
    let now = 0;
    const breaker = new CircuitBreaker({ threshold: 2, openMs: 1_000, now: () => now });
    breaker.recordFailure();
    expect(breaker.allow()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe("open");
    expect(breaker.allow()).toBe(false);
    now = 999;
    expect(breaker.allow()).toBe(false);
  });

  it("lets exactly one trial through once the window passes, and closes on its success", () => {
    let now = 0;
    const breaker = new CircuitBreaker({ threshold: 1, openMs: 100, now: () => now });
    breaker.recordFailure();
    now = 100;
    expect(breaker.state).toBe("half-open");
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe("closed");
    expect(breaker.allow()).toBe(true);
  });

  it("reopens for a full window when the trial fails", () => {
    let now = 0;
    const breaker = new CircuitBreaker({ threshold: 1, openMs: 100, now: () => now });
    breaker.recordFailure();
    now = 150;
    expect(breaker.allow()).toBe(true);
    breaker.recordFailure();
    expect(breaker.allow()).toBe(false);
    now = 249;
    expect(breaker.allow()).toBe(false);
    now = 250;
    expect(breaker.allow()).toBe(true);
  });
});
