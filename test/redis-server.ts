// Starts a real redis-server on 127.0.0.1 on a free port for one test file, and stops it.
// Never touches a system service: the process is ours, with no persistence and no config file.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "./free-port";
import { stopProcess } from "./stop-process";

const STOP_GRACE_MS = 2_000; // a hang guard: redis-server without persistence exits at once

/** A running redis-server owned by the test. */
export type TestRedis = {
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop). */
  restart(): Promise<void>;
};

/** Starts `redis-server` (from PATH, or `REDIS_SERVER_BIN`) on a free loopback port. */
export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(process.env.REDIS_SERVER_BIN ?? "redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], { stdio: "ignore" });
    const spawned = child;
    const failed = new Promise<never>((_, reject) => spawned.once("error", (e) => reject(new Error(`redis-server did not start (${e.message}); apt-get install -y redis-server`))));
    await Promise.race([waitForPort(port), failed]);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (running) await stopProcess(running, STOP_GRACE_MS);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: start };
}

async function waitForPort(port: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
}
