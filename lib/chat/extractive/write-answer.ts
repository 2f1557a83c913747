import { ALL_LABEL_EXPANSIONS } from "../../search/everyday-labels";
import { labelsOfQuestion, topicWordsOf } from "../../search/query-terms";
import { asksForRecent } from "../../search/recency";
import type { AnswerInput } from "../types";
import { collectCandidates } from "./candidates";
import { composeAnswer } from "./compose-answer";
import { CANDIDATE_SOURCES, EXTRACTIVE_MAX_CHARS, HISTORY_TERM_WEIGHT, LABEL_TERM_WEIGHT } from "./constants";
import { newestSources, writeEarlierLine, writeLatestLine } from "./latest";
import { readSourceBlocks } from "./read-source";
import { scoreCandidates, type QueryTerms } from "./score";
import { selectUnits, type QuotedUnit } from "./select-units";
import { contentTerms } from "./terms";

/** The label, shown once at the end of every answer that quotes, in a visitor's words. */
export const EXTRACTIVE_LABEL = "Quick answer quoted from my writing: no AI model is answering right now.";

/** What the answer says when there is nothing to quote. */
export const NOTHING_TO_QUOTE = "My writing doesn't seem to cover that. Try asking about my posts, projects or resume.";

/** When every unit is code or too long to quote: point at the sources instead. */
const ONLY_LINKS = "I couldn't find a short passage to quote; the sections linked below are the closest parts of my writing.";

/** Most earlier user turns whose words still count, lightly, for a follow-up. */
const HISTORY_TURNS = 2;

/** The question's words (weight 1) and the previous turns' (lighter), from the conversation's user messages. */
function queryTermsOf(messages: AnswerInput["messages"]): { question: string; query: QueryTerms } {
  const turns = messages.filter((m) => m.role === "user").map((m) => m.content);
  const question = turns.at(-1) ?? "";
  const query: QueryTerms = new Map();
  // A question's terms are its topic words as retrieval reads them: framing ("what kind of … work") left out unless it is all there is.
  const termsOf = (turn: string) => contentTerms(topicWordsOf(turn).join(" "));
  for (const turn of turns.slice(0, -1).slice(-HISTORY_TURNS)) for (const term of termsOf(turn)) query.set(term, HISTORY_TERM_WEIGHT);
  for (const term of termsOf(question)) query.set(term, 1);
  // The section labels an everyday word stands for ("study" → Education). Every label in the
  // table, not only the author's (retrieval's choice): a label the sources never use matches no sentence.
  for (const label of labelsOfQuestion({ query: question, labels: ALL_LABEL_EXPANSIONS })) for (const term of contentTerms(label)) if (!query.has(term)) query.set(term, LABEL_TERM_WEIGHT);
  return { question, query };
}

/** The paragraphs plus the label, as one markdown answer. */
function withLabel(paragraphs: string[], label: string): string {
  return [...paragraphs, `_${label}_`].join("\n\n");
}

/** Drops the weakest pick (or a list's last item) until the answer fits the hard cap. */
function fitPicks(picks: QuotedUnit[], render: (picks: QuotedUnit[]) => string[], label: string): string[] {
  let kept = picks;
  let paragraphs = render(kept);
  while (kept.length > 0 && withLabel(paragraphs, label).length > EXTRACTIVE_MAX_CHARS) {
    const weakest = kept.reduce((a, b) => (b.score < a.score ? b : a));
    kept = weakest.parts.length > 1 ? kept.map((p) => (p === weakest ? { ...p, parts: p.parts.slice(0, -1) } : p)) : kept.filter((p) => p !== weakest);
    paragraphs = render(kept);
  }
  return paragraphs;
}

/**
 * The extractive answer: the two to four sentences (or a short list) of the top sources
 * that best answer the last question, a paragraph per source ending in its `[n]`; a
 * "latest" question names the newest item and its date first. At most
 * `EXTRACTIVE_MAX_CHARS`, label included.
 */
export function writeExtractiveAnswer({ messages, sources, label = EXTRACTIVE_LABEL }: Pick<AnswerInput, "messages" | "sources"> & { label?: string }): string {
  if (sources.length === 0) return NOTHING_TO_QUOTE;
  const { question, query } = queryTermsOf(messages);
  const newest = asksForRecent(question) ? newestSources({ sources, question }) : [];
  const lead = newest[0];
  const considered = lead ? [lead] : sources.slice(0, CANDIDATE_SOURCES);
  const blocks = considered.map((source) => readSourceBlocks(source.text));
  const candidates = collectCandidates(blocks);
  const scores = scoreCandidates({ candidates, query, titleTerms: considered.map((s) => contentTerms(s.title)) });
  // For "latest" the answer is the item's name and date: one sentence of it is enough.
  const picks = selectUnits({ candidates, scores, ...(lead ? { targetChars: 0 } : {}) });
  const render = (kept: QuotedUnit[]) => {
    const quoted = composeAnswer({ picks: kept, sources: considered, blocks });
    if (!lead) return quoted;
    const earlier = writeEarlierLine(newest.slice(1));
    const [first, ...rest] = quoted;
    const opening = first && !first.includes("\n") ? [`${writeLatestLine(lead)} ${first}`, ...rest] : [writeLatestLine(lead), ...quoted];
    return [...opening, ...(earlier ? [earlier] : [])];
  };
  const paragraphs = fitPicks(picks, render, label);
  return withLabel(paragraphs.length > 0 ? paragraphs : [ONLY_LINKS], label);
}
