// Minimal types for the two wink packages this project uses.
declare module "wink-bm25-text-search" {
  interface Bm25Engine {
    defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number }; ovFldNames?: string[] }): boolean;
    definePrepTasks(tasks: Array<(input: any) => any>, field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): Array<[string, number]>;
    exportJSON(): string;
    /** Per document id, each token index's consolidated BM25 contribution (weighted, saturated tf × idf). */
    getDocs(): Record<string, { freq: Record<string, number> }>;
    /** Token (after the prep tasks) to its index. */
    getTokens(): Record<string, number>;
    importJSON(json: string): boolean;
  }
  export default function bm25(): Bm25Engine;
}

declare module "wink-nlp-utils" {
  const nlp: {
    string: Record<string, (input: string) => any>;
    tokens: { removeWords(tokens: string[]): string[]; stem(tokens: string[]): string[]; [name: string]: (tokens: string[]) => any };
  };
  export default nlp;
}
