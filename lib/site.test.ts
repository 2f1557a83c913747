import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveSiteUrl } from "./site";

afterEach(() => vi.unstubAllEnvs());

describe("resolveSiteUrl", () => {
  it("uses SITE_URL when set, else Vercel's production domain over https", () => {
    expect(resolveSiteUrl({ SITE_URL: "https://ines.example", VERCEL_PROJECT_PRODUCTION_URL: "x.vercel.app" })).toBe("https://ines.example");
    expect(resolveSiteUrl({ SITE_URL: undefined, VERCEL_PROJECT_PRODUCTION_URL: "ines-site.vercel.app" })).toBe("https://ines-site.vercel.app");
  });

  it("falls back to localhost, and a production build warns once naming SITE_URL", () => {
    vi.stubEnv("NODE_ENV", "production");
    const warnings: string[] = [];
    const unset = { SITE_URL: undefined, VERCEL_PROJECT_PRODUCTION_URL: undefined };
    expect(resolveSiteUrl(unset, (m) => warnings.push(m))).toBe("http://localhost:3000");
    resolveSiteUrl(unset, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/SITE_URL is not set/);
  });
});
