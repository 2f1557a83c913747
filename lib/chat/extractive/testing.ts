import type { NumberedSource } from "../types";

/** Test-only: a numbered source whose text is laid out as the chunker lays it out (heading path, blank line, blocks). */
export function sourceOf({ n, title, blocks, ...rest }: { n: number; title: string; blocks: string[] } & Partial<NumberedSource>): NumberedSource {
  return { n, title, url: `/blog/doc-${n}#section`, text: [title, ...blocks].join("\n\n"), ...rest };
}

/** Test-only: the messages an answer provider is given for one question (system prompt first). */
export function messagesFor(...userTurns: string[]) {
  return [{ role: "system" as const, content: "system prompt" }, ...userTurns.map((content) => ({ role: "user" as const, content }))];
}
