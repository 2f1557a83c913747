import type { AnswerProvider, NumberedSource } from "../types";

/** Sources quoted by the extractive answer: the top three cover a focused question without a wall of text. */
export const EXTRACTIVE_SOURCES = 3;

/** Characters quoted per source: about two sentences, enough to judge whether to open it. */
export const EXTRACTIVE_QUOTE_CHARS = 320;

/** The label the extractive answer opens with, so no reader mistakes quotes for a written answer. */
export const EXTRACTIVE_LABEL = "No answer model is configured, so here are the passages of my writing that best match your question:";

/** The last rung: quotes the top sources, clearly labelled; needs no model and never fails. */
export function createExtractiveProvider(): AnswerProvider {
  return {
    name: "extractive",
    async *stream({ sources, extractiveLabel }) {
      if (sources.length === 0) {
        yield "My writing doesn't seem to cover that. Try asking about my posts, projects or resume.";
        return;
      }
      yield `_${extractiveLabel ?? EXTRACTIVE_LABEL}_\n\n`;
      for (const source of sources.slice(0, EXTRACTIVE_SOURCES)) {
        yield `**${source.title}** [${source.n}]\n\n`;
        yield `> ${quote(source)}\n\n`;
      }
    },
  };
}

/** The start of a source's body (without its heading line), cut at a word boundary. */
function quote(source: NumberedSource): string {
  const lines = source.text.split("\n");
  const title = source.title.toLowerCase();
  // Chunk text opens with its heading path; the title above already shows it.
  while (lines.length > 1 && title.includes(lines[0]!.trim().toLowerCase())) lines.shift();
  const body = lines.join(" ").replace(/\s+/g, " ").trim();
  if (body.length <= EXTRACTIVE_QUOTE_CHARS) return body;
  const cut = body.slice(0, EXTRACTIVE_QUOTE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), EXTRACTIVE_QUOTE_CHARS / 2))} …`;
}
