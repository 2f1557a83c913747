import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** `npm run test:container`: the gateway image built and run with podman (needs podman, runc and debootstrap; CI installs them). */
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("../../", import.meta.url)) },
  },
  test: {
    root: fileURLToPath(new URL("../../", import.meta.url)),
    include: ["test/container/*.container.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    // The first run makes the base image (debootstrap, ~25 s on a fast mirror) before the build.
    hookTimeout: 600_000,
  },
});
