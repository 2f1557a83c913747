/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The chat route reads the baked index (and, without one, content/) from disk at run time:
  // trace both into its serverless bundle so Vercel ships them beside the function.
  outputFileTracingIncludes: {
    "/api/chat": ["./.index/**/*", "./content/**/*"],
  },
};

export default nextConfig;
