import { env } from "./env";

/** Who the site is about and how it presents itself; edit these for your own site. */
export const site = {
  name: "Ines Varga",
  author: "Ines Varga",
  title: "Ines Varga — ML and infrastructure engineer",
  description:
    "Ines Varga writes about machine learning, infrastructure and a Raspberry Pi homelab in Lisbon. Ask the chat anything about her work.",
  locale: "en",
};

/** Absolute URL of a site path, from `SITE_URL`. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, env().SITE_URL).toString();
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
