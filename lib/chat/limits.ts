// Limits the browser and the route must agree on; client-safe (no server-only modules, no Node APIs).

/** Longest user message: a question, not a document to summarise on the author's bill. The route refuses more; the question box stops there. */
export const MAX_USER_TEXT_CHARS = 2_000;

/** Longest message id: `useChat`'s ids are ~16 characters; the route refuses more, and a saved conversation holding one is junk. */
export const MAX_MESSAGE_ID_CHARS = 200;
