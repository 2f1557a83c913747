import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Browser tests: one production build, one `next start`, fakes for every outside service. */
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("../", import.meta.url)) },
  },
  test: {
    root: fileURLToPath(new URL("../", import.meta.url)),
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
