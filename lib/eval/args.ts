import path from "node:path";

/** Where the reports go unless `--out` says otherwise; git ignores it, but for the committed baseline inside. */
export const DEFAULT_OUT_DIR = "reports";

/** The committed baseline (a `--fake` run), regenerated only by `npm run eval -- --fake --out reports/baseline`. */
export const COMMITTED_OUT_DIR = "reports/baseline";

/** The parsed command line of `npm run eval`. */
export interface EvalArgs {
  /** Print machine-readable JSON instead of the tables. */
  json: boolean;
  /** Folder for eval.md and the SVG. */
  out: string;
  /** Evaluate against the shared fake Ollama instead of the configured endpoint. */
  fake: boolean;
}

/**
 * The folder the reports go to, resolved against the project root; refuses the committed
 * `reports/baseline/` for a run that is not `--fake`, whose figures would replace the fake ones.
 */
export function outDirOf({ args, root }: { args: EvalArgs; root: string }): string {
  const dir = path.resolve(root, args.out);
  if (dir === path.resolve(root, COMMITTED_OUT_DIR) && !args.fake) {
    throw new Error(`${COMMITTED_OUT_DIR}/ holds the committed --fake report, regenerated only by \`npm run eval -- --fake --out ${COMMITTED_OUT_DIR}\`; leave out --out to write to ${DEFAULT_OUT_DIR}/\n${USAGE}`);
  }
  return dir;
}

/** The usage line printed on a bad flag. */
const USAGE = "usage: npm run eval -- [--json] [--fake] [--out <dir>]";

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
