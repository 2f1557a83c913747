/** One abbreviation the author uses and what it stands for, both lower-cased ("ml" ↔ "machine learning"). */
export interface Abbreviation {
  short: string;
  long: string;
}

/** Longest short form considered: past this, "(…)" holds a word or a note, not an abbreviation. */
const MAX_SHORT_CHARS = 10;

/** Short forms an acronym in running text may be paired with its spelled-out words in one chunk: 2–5 capitals ("ML", "EKS"). */
const ACRONYM = /^[A-Z]{2,5}$/;

const words = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
const isAlnum = (c: string) => /[\p{L}\p{N}]/u.test(c);

/** A plausible short form: one token, 2–10 characters, with a capital or a digit ("ML", "k8s"), not a plain word ("excellent"). */
function isShortForm(text: string): boolean {
  return !/\s/.test(text) && text.length >= 2 && text.length <= MAX_SHORT_CHARS && /^[\p{L}\p{N}]/u.test(text) && /\p{L}/u.test(text) && /[\p{Lu}\p{N}]/u.test(text);
}

/**
 * Schwartz & Hearst (2003): the shortest tail of `candidate` whose characters spell
 * `short` in order, its first letter at a word start; undefined when none does.
 */
function longFormOf(short: string, candidate: string): string | undefined {
  const s = short.toLowerCase();
  const l = candidate.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  for (; si >= 0; si--) {
    const c = s[si]!;
    if (!isAlnum(c)) continue;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && isAlnum(l[li - 1]!)))) li--;
    if (li < 0) return undefined;
    li--;
  }
  const long = candidate.slice(l.lastIndexOf(" ", li) + 1).trim();
  const count = words(long).length;
  // A long form of many more words than letters is a sentence that happens to contain them.
  if (count < 2 || count > Math.min(s.length + 5, s.length * 2) || long.toLowerCase().includes(s)) return undefined;
  return long;
}

/** A numeronym: "k8s" for "kubernetes" (first letter, count of the letters between, last letter). */
function isNumeronymOf(short: string, word: string): boolean {
  const match = /^(\p{L})(\d+)(\p{L})$/u.exec(short.toLowerCase());
  const w = word.toLowerCase();
  return Boolean(match && w.length === Number(match[2]) + 2 && w.startsWith(match[1]!) && w.endsWith(match[3]!));
}

/** Pairs written as "long form (SF)", "SF (long form)" and "word (w2d)" in one text. */
function pairsInParentheses(text: string): Abbreviation[] {
  const found: Abbreviation[] = [];
  for (const match of text.matchAll(/([^()\n]{1,120}?)\s*\(([^()\n]{1,60})\)/g)) {
    const before = match[1]!.trim();
    const inside = match[2]!.trim();
    const last = words(before).at(-1) ?? "";
    if (isShortForm(inside)) {
      const window = words(before).slice(-(inside.length + 5)).join(" ");
      const long = isNumeronymOf(inside, last) ? last : longFormOf(inside, window);
      if (long) found.push({ short: inside, long });
    } else if (isShortForm(last) && words(inside).length >= 2) {
      const long = longFormOf(last, inside);
      if (long) found.push({ short: last, long });
    } else if (isShortForm(last) && isNumeronymOf(last, inside)) {
      found.push({ short: last, long: inside });
    }
  }
  return found;
}

/** Spelled-out words must recur: a Title Case run met once beside an acronym may be a coincidence ("Mining Lab" for "ML"). */
const MIN_LONG_FORM_USES = 2;

/** Title Case runs beside an acronym in capitals in the same text ("ML" … "Machine Learning Engineer"), no parentheses needed. */
function runsBesideAcronyms(text: string): Abbreviation[] {
  const tokens = words(text);
  const acronyms = new Set(tokens.flatMap((token) => token.split(/[/-]/)).filter((token) => ACRONYM.test(token)));
  const found: Abbreviation[] = [];
  for (const short of acronyms) {
    const letters = short.toLowerCase();
    for (let i = 0; i + letters.length <= tokens.length; i++) {
      const run = tokens.slice(i, i + letters.length);
      if (run.every((word, j) => word.length >= 3 && /^\p{Lu}\p{Ll}/u.test(word) && word[0]!.toLowerCase() === letters[j])) found.push({ short, long: run.join(" ") });
    }
  }
  return found;
}

/** For each acronym, the spelled-out run used most often across all texts, if it is used at least MIN_LONG_FORM_USES times. */
function pairsBesideAcronyms(texts: string[]): Abbreviation[] {
  const corpus = texts.map((text) => ` ${words(text).join(" ").toLowerCase()} `);
  const uses = (phrase: string) => corpus.reduce((sum, text) => sum + (text.split(` ${phrase} `).length - 1), 0);
  const best = new Map<string, { long: string; count: number }>();
  for (const { short, long } of texts.flatMap(runsBesideAcronyms)) {
    const count = uses(long.toLowerCase());
    const current = best.get(short);
    if (count >= MIN_LONG_FORM_USES && (!current || count > current.count)) best.set(short, { long, count });
  }
  return [...best].map(([short, { long }]) => ({ short, long }));
}

/**
 * The author's abbreviations, learned from their own texts: "machine learning (ML)",
 * "ML (machine learning)", "Kubernetes (k8s)", and an acronym in capitals beside its
 * spelled-out Title Case words in one chunk when those words recur elsewhere.
 * Lower-cased, one entry per pair, sorted.
 */
export function learnAbbreviations(texts: string[]): Abbreviation[] {
  const table = new Map<string, Abbreviation>();
  for (const pair of [...texts.flatMap(pairsInParentheses), ...pairsBesideAcronyms(texts)]) {
    const entry = { short: pair.short.toLowerCase(), long: pair.long.toLowerCase().replace(/\s+/g, " ") };
    table.set(`${entry.short}\u0000${entry.long}`, entry);
  }
  return [...table.values()].sort((a, b) => a.short.localeCompare(b.short) || a.long.localeCompare(b.long));
}

/** The query's words plus, for each abbreviation it uses, the other form: "ML work" → "ML work machine learning", and back. */
export function expandAbbreviations(query: string, table: Abbreviation[]): string {
  const lower = ` ${words(query).join(" ").toLowerCase()} `;
  const added = new Set<string>();
  for (const { short, long } of table) {
    if (lower.includes(` ${short} `)) added.add(long);
    if (lower.includes(` ${long} `)) added.add(short);
  }
  return added.size === 0 ? query : `${query} ${[...added].join(" ")}`;
}
