/** Where the reports go unless `--out` says otherwise. */
export const DEFAULT_OUT_DIR = "reports";

/** The parsed command line of `npm run eval`. */
export interface EvalArgs {
  /** Print machine-readable JSON instead of the tables. */
  json: boolean;
  /** Folder for eval.md and the SVG. */
  out: string;
  /** Evaluate against the shared fake Ollama instead of the configured endpoint. */
  fake: boolean;
}

/** The usage line printed on a bad flag. */
export const USAGE = "usage: npm run eval -- [--json] [--fake] [--out <dir>]";

/** Parses `--json`, `--fake` and `--out <dir>` (or `--out=<dir>`); throws with the usage on anything else. */
export function parseEvalArgs(argv: string[]): EvalArgs {
  const args: EvalArgs = { json: false, out: DEFAULT_OUT_DIR, fake: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") args.json = true;
    else if (arg === "--fake") args.fake = true;
    else if (arg.startsWith("--out=")) args.out = arg.slice("--out=".length);
    else if (arg === "--out" && argv[i + 1] && !argv[i + 1]!.startsWith("--")) args.out = argv[++i]!;
    else throw new Error(`${arg === "--out" ? "--out needs a folder" : `unknown argument ${arg}`}\n${USAGE}`);
  }
  if (!args.out) throw new Error(`--out needs a folder\n${USAGE}`);
  return args;
}
