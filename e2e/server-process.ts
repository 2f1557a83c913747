import { spawn, type ChildProcess } from "node:child_process";

/** Runs a command to completion, streaming its output with a prefix; rejects on a non-zero exit. */
export function runCommand(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; label: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${options.label} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

/** Starts a long-running server process and resolves once `url` answers 200. */
export async function startServer(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; url: string; timeoutMs: number }): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(options.url);
      if (response.status === 200) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopProcessGroup(child);
  throw new Error(`server did not answer ${options.url} within ${options.timeoutMs} ms:\n${output}`);
}

/** Stops a detached process and everything it started. */
export function stopProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}
