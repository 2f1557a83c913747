import { foldText, indexTokens } from "./bm25";

/**
 * Kinds of personal detail a visitor asks the author for ("your email address", "your
 * partner", "your daily rate"), each with the words that name it. A personal site states
 * such a detail in a place about it (a "Contact" page, a "Family" section); words that
 * merely occur elsewhere ("an address-matching service", "my phone's language") say
 * nothing about it, so keyword evidence alone must not answer these. General English, the
 * same for every author.
 */
const PERSONAL_DETAILS: Readonly<Record<string, readonly string[]>> = {
  contact: ["contact", "contacts", "email", "emails", "mail", "phone", "telephone", "address"],
  money: ["salary", "salaries", "rate", "rates", "fee", "fees", "income", "wage", "wages", "earnings", "price", "prices", "pricing"],
  family: ["partner", "wife", "husband", "spouse", "girlfriend", "boyfriend", "kids", "children", "son", "daughter", "parents", "mother", "father", "family", "brother", "sister", "siblings"],
  private: ["age", "birthday", "religion", "politics", "weight", "height"],
};

/** Words between "your" and the detail it owns: "your daily rate", "your home address". */
const POSSESSIVE_REACH = 2;

/**
 * The kinds of personal detail a question asks the author for: a detail word owned by
 * "your" within POSSESSIVE_REACH words. Only the last part of a hyphenated compound is
 * its noun: "your e-mail" asks for contact details, "your address-matching service" does not.
 */
export function personalDetailsAskedIn(question: string): string[] {
  const words = foldText(question).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  const kinds = new Set<string>();
  words.forEach((word, i) => {
    if (word !== "your") return;
    for (const next of words.slice(i + 1, i + 2 + POSSESSIVE_REACH)) {
      const noun = next.split("-").at(-1)!;
      for (const [kind, names] of Object.entries(PERSONAL_DETAILS)) if (names.includes(noun)) kinds.add(kind);
    }
  });
  return [...kinds];
}

const DETAIL_TOKENS = new Map(Object.entries(PERSONAL_DETAILS).map(([kind, names]) => [kind, [...new Set(names.flatMap(indexTokens))]]));

/** The indexed tokens that name a kind of detail, as a chunk's labels hold them (stemmed once, at load). */
export function detailTokensOf(kind: string): string[] {
  return DETAIL_TOKENS.get(kind) ?? [];
}
