import { env, type Env } from "./env";

/** Who the site is about and how it presents itself; edit these for your own site. */
export const site = {
  name: "Ines Varga",
  author: "Ines Varga",
  title: "Ines Varga — ML and infrastructure engineer",
  description:
    "Ines Varga writes about machine learning, infrastructure and a Raspberry Pi homelab in Lisbon. Ask the chat anything about her work.",
  locale: "en",
};

/** Where links point when neither `SITE_URL` nor Vercel says: fine for `npm run dev`, wrong for a deploy. */
const LOCAL_ORIGIN = "http://localhost:3000";

let warned = false;

/**
 * The site's public origin: `SITE_URL`, else Vercel's production domain, else localhost.
 * A production build with neither warns (once per process), naming the variable, since
 * canonical links, Open Graph images, the sitemap and the feed would point at localhost.
 */
export function resolveSiteUrl(config: Pick<Env, "SITE_URL" | "VERCEL_PROJECT_PRODUCTION_URL"> = env(), warn: (message: string) => void = console.warn): string {
  if (config.SITE_URL) return config.SITE_URL;
  if (config.VERCEL_PROJECT_PRODUCTION_URL) return `https://${config.VERCEL_PROJECT_PRODUCTION_URL}`;
  if (process.env.NODE_ENV === "production" && !warned) {
    warned = true;
    warn(`warning: SITE_URL is not set; canonical links, Open Graph images, the sitemap and RSS point at ${LOCAL_ORIGIN}. Set SITE_URL to your site's origin (see .env.example).`);
  }
  return LOCAL_ORIGIN;
}

/** Absolute URL of a site path, from `resolveSiteUrl()`. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, resolveSiteUrl()).toString();
}

/**
 * Questions offered under the chat box. Their vectors are baked into the index at build
 * time, so clicking one never waits for the embedding endpoint. Each is worded so that
 * keyword search alone (a fresh clone, or the Pi off) still finds the right sections:
 * check a new one with `npm run search -- "..."` without EMBED_URL.
 */
export const suggestedQuestions = [
  "What machine learning models have you built?",
  "What's the latest thing you built?",
  "Have you used Terraform?",
  "Where did you go to university?",
  "What runs in your Raspberry Pi homelab?",
];
