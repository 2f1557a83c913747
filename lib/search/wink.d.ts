// Minimal types for the two wink packages this project uses.
declare module "wink-bm25-text-search" {
  interface Bm25Engine {
    defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number }; ovFldNames?: string[] }): boolean;
    definePrepTasks(tasks: Array<(input: any) => any>, field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): Array<[string, number]>;
    exportJSON(): string;
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
