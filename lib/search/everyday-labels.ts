import type { Chunk } from "../chunk/types";
import { indexTokens, tokenize } from "./bm25";
import { fieldsOfChunk } from "./bm25-fields";

/**
 * Everyday words a visitor uses for the standard parts of a personal site's resume, and
 * the labels authors give those parts ("where did you study?" is answered under
 * "Education", a master's degree is written "MSc"). General English usage, the same for
 * every author; a label is only used when the author's own headings or titles use it.
 */
const EVERYDAY_LABELS: ReadonlyArray<{ words: readonly string[]; labels: readonly string[] }> = [
  { words: ["study", "studied", "studies", "studying", "school", "university", "universities", "college", "degree", "degrees", "graduate", "graduated", "diploma"], labels: ["education"] },
  { words: ["master", "masters"], labels: ["msc", "ma", "mba", "meng", "mphil"] },
  { words: ["bachelor", "bachelors", "undergraduate"], labels: ["bsc", "ba", "beng"] },
  { words: ["doctorate", "doctoral"], labels: ["phd"] },
  { words: ["job", "jobs", "employer", "employers", "employment", "companies", "positions", "work", "worked", "working"], labels: ["experience"] },
  { words: ["yourself", "background", "bio", "biography", "introduce"], labels: ["summary", "profile"] },
  { words: ["talk", "talks", "presentation", "presentations", "presented", "conference", "conferences", "speaker"], labels: ["talks"] },
  { words: ["award", "awards", "prize", "prizes", "honours", "honors"], labels: ["awards"] },
  { words: ["volunteer", "volunteered", "charity", "nonprofit"], labels: ["volunteering"] },
  { words: ["paper", "papers", "published", "publication"], labels: ["publications"] },
  { words: ["certificate", "certificates", "certified", "certification"], labels: ["certifications"] },
  { words: ["hobby", "hobbies", "pastime", "pastimes"], labels: ["hobbies", "interests"] },
  { words: ["technologies", "tools", "stack", "tech"], labels: ["skills"] },
  { words: ["nowadays"], labels: ["present", "current"] },
];

/** One expansion in force for an index: a visitor's word and a label the author's headings use for it. */
export interface LabelExpansion {
  word: string;
  label: string;
}

/** Every {@link EVERYDAY_LABELS} pair, whatever the headings: for matching against sources' own titles (the extractive answer). */
export const ALL_LABEL_EXPANSIONS: readonly LabelExpansion[] = EVERYDAY_LABELS.flatMap(({ words, labels }) => labels.flatMap((label) => words.map((word) => ({ word, label }))));

const cache = new WeakMap<Chunk[], LabelExpansion[]>();

/** The {@link EVERYDAY_LABELS} pairs whose label is a word of one of the author's titles or headings, computed once per index. */
export function labelExpansionsOf(chunks: Chunk[]): LabelExpansion[] {
  let expansions = cache.get(chunks);
  if (!expansions) {
    const headingTokens = new Set(chunks.flatMap((chunk) => {
      const { title, headings } = fieldsOfChunk(chunk);
      return indexTokens(`${title} ${headings}`);
    }));
    expansions = EVERYDAY_LABELS.flatMap(({ words, labels }) => labels.filter((label) => {
      const tokens = indexTokens(label);
      return tokens.length > 0 && tokens.every((token) => headingTokens.has(token));
    }).flatMap((label) => words.map((word) => ({ word, label }))));
    cache.set(chunks, expansions);
  }
  return expansions;
}

/** The labels a question's words stand for in this index: "where did you study?" → ["education"]. */
export function labelsForWords(words: string[], expansions: readonly LabelExpansion[]): string[] {
  const present = new Set(words.flatMap(tokenize));
  return [...new Set(expansions.filter((e) => present.has(e.word)).map((e) => e.label))];
}
