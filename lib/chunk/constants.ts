/**
 * Largest section body kept as one chunk, in characters: 15 results must fit the
 * 16,000-character context budget, and bge-m3 embeds a focused ~1,000-character
 * passage more precisely than a whole page.
 */
export const MAX_CHUNK_CHARS = 1_200;

/** Sections with a shorter body are merged with a neighbour under the same parent: a two-line section alone retrieves poorly. */
export const MIN_CHUNK_CHARS = 250;

/** Joins heading levels in a chunk title: "Document › Section › Subsection". */
export const TITLE_SEPARATOR = " › ";

/** Deepest heading that starts a chunk; `####` and deeper stay inside their section. */
export const DEEPEST_SPLIT_DEPTH = 3;
