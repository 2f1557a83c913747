// Bundles the gateway into one file that runs with plain `node` 22 on the Pi:
// `node gateway/build.mjs [--outfile path]` (default gateway/dist/gateway.mjs).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const flag = process.argv.indexOf("--outfile");
const outfile = flag >= 0 ? process.argv[flag + 1] : "gateway/dist/gateway.mjs";

await build({
  absWorkingDir: root, // stable source paths in the bundle, whatever the caller's cwd
  entryPoints: ["gateway/src/main.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  // prom-client is CommonJS and calls require("util") and friends; an ES module has no
  // `require`, so the bundle makes one (node: built-ins only, nothing from disk).
  banner: { js: '#!/usr/bin/env node\nimport { createRequire as __gatewayCreateRequire } from "node:module";\nconst require = __gatewayCreateRequire(import.meta.url);' },
  legalComments: "none",
  logLevel: "warning",
});
