// The one way tests, browser tests and benchmarks pick a port for a process they start
// (`next start`, redis-server, Prometheus, a container): servers of our own listen on port 0.
import { createServer, type AddressInfo } from "node:net";

/** Asks the OS for a free TCP port on 127.0.0.1 (free when asked: start the process at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
