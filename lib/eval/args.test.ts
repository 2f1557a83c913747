import { describe, expect, it } from "vitest";
import { DEFAULT_OUT_DIR, parseEvalArgs } from "./args";

describe("parseEvalArgs", () => {
  it("defaults to tables on stdout, the configured endpoint and reports/", () => {
    expect(parseEvalArgs([])).toEqual({ json: false, fake: false, out: DEFAULT_OUT_DIR });
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
