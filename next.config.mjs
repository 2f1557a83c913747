/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build type-checks what ships (app, components, lib); tests, scripts and the
  // gateway are checked by `npm run typecheck`, part of `npm test`.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  // The chat route reads the baked index (and, without one, content/) from disk at run time:
  // trace both into its serverless bundle so Vercel ships them beside the function.
  outputFileTracingIncludes: {
    "/api/chat": ["./.index/**/*", "./content/**/*"],
  },
};

export default nextConfig;
