import fs from "node:fs";
import path from "node:path";
import { outDirOf, parseEvalArgs } from "./args";
import { startFakeSetup } from "./fake-setup";
import { recallCurve, summarizeMode } from "./metrics";
import { loadQuestions } from "./questions";
import { evalJson } from "./report-json";
import { evalMarkdown, SVG_FILE } from "./report-markdown";
import { stdoutReport } from "./report-tables";
import { runEval, type EvalResult } from "./run-eval";
import { configuredSetup } from "./setup";
import { recallAtKSvg } from "./svg-plot";

/** The markdown report's file name inside the output folder. */
const MARKDOWN_FILE = "eval.md";

/** Writes eval.md and the recall@k SVG into `dir`, creating it; returns both paths. */
function writeReports({ result, dir }: { result: EvalResult; dir: string }): { markdown: string; svg: string } {
  fs.mkdirSync(dir, { recursive: true });
  const markdown = path.join(dir, MARKDOWN_FILE);
  const svg = path.join(dir, SVG_FILE);
  fs.writeFileSync(markdown, evalMarkdown(result));
  const series = result.modes.map((mode) => ({ mode, values: recallCurve(result.runs, mode) }));
  fs.writeFileSync(svg, recallAtKSvg({ series, title: `recall@k by retrieval mode (${summarizeMode(result.runs, result.modes[0]!).questions} answerable questions)`, subtitle: `${result.embedder} · ${result.date.slice(0, 10)}` }));
  return { markdown, svg };
}

/** A path relative to the project when it is inside it, else as it is. */
function shown(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith("..") ? file : relative;
}

/**
 * `npm run eval`: retrieves every labelled question in each mode the setup allows
 * (`--fake`: against the shared fake Ollama), prints the tables (or `--json`) and
 * writes the reports to `--out` (default `reports/`, git-ignored; the committed `reports/baseline/` only with `--fake --out reports/baseline`).
 */
export async function runEvalCommand({ argv, root = process.cwd(), print = console.log }: { argv: string[]; root?: string; print?: (text: string) => void }): Promise<EvalResult> {
  const args = parseEvalArgs(argv);
  const dir = outDirOf({ args, root });
  const questions = loadQuestions(root);
  const fake = args.fake ? await startFakeSetup({ root }) : undefined;
  try {
    const result = await runEval({ setup: fake?.setup ?? configuredSetup(), questions });
    const written = writeReports({ result, dir });
    if (args.json) print(JSON.stringify(evalJson(result), null, 2));
    else print(`${stdoutReport(result)}\nwrote ${shown(root, written.markdown)} and ${shown(root, written.svg)}`);
    return result;
  } finally {
    await fake?.close();
  }
}
