import { describe, expect, it } from "vitest";
import { COMMITTED_OUT_DIR, DEFAULT_OUT_DIR, outDirOf, parseEvalArgs } from "./args";

describe("parseEvalArgs", () => {
  it("defaults to tables on stdout, the configured endpoint and reports/, never the committed reports/baseline/", () => {
    expect(parseEvalArgs([])).toEqual({ json: false, fake: false, out: "reports" });
    expect(DEFAULT_OUT_DIR).not.toBe(COMMITTED_OUT_DIR);
  });

  it("reads every flag, with --out as two words or one", () => {
    expect(parseEvalArgs(["--json", "--fake", "--out", "tmp/r"])).toEqual({ json: true, fake: true, out: "tmp/r" });
    expect(parseEvalArgs(["--out=elsewhere"]).out).toBe("elsewhere");
  });

  it("refuses --out without a folder and unknown flags, with the usage", () => {
    expect(() => parseEvalArgs(["--out"])).toThrow(/--out needs a folder/);
    expect(() => parseEvalArgs(["--out", "--json"])).toThrow(/--out needs a folder/);
    expect(() => parseEvalArgs(["--verbose"])).toThrow(/unknown argument --verbose\nusage:/);
  });
});

describe("outDirOf", () => {
  const root = "/project";

  it("resolves the folder against the project root, reports/ by default", () => {
    expect(outDirOf({ args: parseEvalArgs([]), root })).toBe("/project/reports");
    expect(outDirOf({ args: parseEvalArgs(["--out", "/tmp/eval"]), root })).toBe("/tmp/eval");
  });

  it("writes to the committed reports/baseline/ only for a --fake run", () => {
    expect(outDirOf({ args: parseEvalArgs(["--fake", "--out", "reports/baseline"]), root })).toBe("/project/reports/baseline");
    for (const out of ["reports/baseline", "./reports/baseline/", "/project/reports/baseline"]) {
      expect(() => outDirOf({ args: parseEvalArgs(["--out", out]), root })).toThrow(/reports\/baseline\/ holds the committed --fake report/);
    }
  });
});
