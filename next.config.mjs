import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";

/**
 * The Content-Security-Policy of every page and route. Scripts: 'self' plus 'unsafe-inline'
 * for Next.js's inline bootstrap scripts (a nonce would force every page to render per
 * request; hashes change with every page and build: docs/chat.md, "Security headers").
 * Everything else is locked to this origin, so an injected script could reach no other
 * host, and nothing may frame the site. Development adds what React Refresh needs.
 */
function contentSecurityPolicy({ dev }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Powerful features no page here uses, off for this site and anything it could embed. */
const PERMISSIONS_POLICY = ["accelerometer", "browsing-topics", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb"]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  return {
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
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev }) },
            { key: "X-Frame-Options", value: "DENY" },
            { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
            { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          ],
        },
      ];
    },
  };
}
