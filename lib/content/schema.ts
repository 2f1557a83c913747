import { z } from "zod";

const isoDatePattern = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function describe(value: unknown): string {
  if (value instanceof Date) return String(value);
  if (typeof value === "string") return `'${value}'`;
  return JSON.stringify(value) ?? String(value);
}

/**
 * An ISO date or date-time, quoted or not: YAML turns an unquoted `2025-01-27` into a Date,
 * so both forms are accepted and normalised to an ISO string.
 */
const isoDate = z.unknown().transform((value, ctx) => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === "string" && isoDatePattern.test(value.trim()) && !Number.isNaN(Date.parse(value))) {
    return value.trim();
  }
  ctx.addIssue({
    code: "custom",
    message: value === undefined ? "required" : `expected an ISO date, got ${describe(value)}`,
  });
  return z.NEVER;
});

const optionalText = z.string().optional().nullable().transform((value) => value ?? undefined);
const stringList = z.array(z.string()).optional().nullable().transform((value) => value ?? []);

/** Fields every collection shares; unknown fields pass through and are ignored. */
const base = {
  title: z.string({ error: (issue) => (issue.input === undefined ? "required" : `expected a string, got ${describe(issue.input)}`) }).min(1, "must not be empty"),
  date: isoDate,
  draft: z.boolean().optional().nullable(),
};

/** Front matter of `content/posts/<slug>.md` (the Next.js blog starter's fields). */
export const postFrontMatter = z.looseObject({
  ...base,
  excerpt: optionalText,
  coverImage: optionalText,
  author: z.looseObject({ name: z.string(), picture: optionalText }).optional().nullable(),
  tags: stringList,
});

/** Front matter of `content/projects/<slug>.md`. */
export const projectFrontMatter = z.looseObject({
  ...base,
  description: optionalText,
  image: optionalText,
  projectUrl: optionalText,
  technologies: stringList,
});

/** Front matter of `content/resume.md`: only the title is required; `lastUpdated` doubles as its date. */
export const resumeFrontMatter = z.looseObject({
  title: base.title,
  lastUpdated: isoDate.optional(),
  date: isoDate.optional(),
  draft: base.draft,
});
