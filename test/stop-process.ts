// Stopping a process a test started (redis-server, Prometheus, the gateway): politely, then
// not, and only once it has really gone, so the next test never meets its port or files.
import type { ChildProcess } from "node:child_process";

/** Sends SIGTERM, SIGKILL if the process is still there after `killAfterMs`, and resolves once it has exited. */
export async function stopProcess(child: ChildProcess, killAfterMs: number): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  await exited;
  clearTimeout(timer);
}
