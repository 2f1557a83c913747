// The retrieval API the chat route uses; scripts import the modules directly, since this barrel is server-only.
import "server-only";

export { loadSearchIndex } from "./load";
export { packContext } from "./pack-context";
export { rankLexical, searchIndex } from "./search";
