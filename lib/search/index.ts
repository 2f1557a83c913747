// The retrieval API the chat route uses; scripts import the modules directly, since this barrel is server-only.
import "server-only";

export { CONTEXT_CHAR_BUDGET, RRF_K, TOP_K } from "./constants";
export { loadSearchIndex } from "./load";
export { packContext, type PackedSource } from "./pack-context";
export { rankLexical, searchIndex } from "./search";
export type { SearchIndex, SearchMode, SearchResponse, SearchResult } from "./types";
