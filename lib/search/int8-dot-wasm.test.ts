import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { compileInt8Dot, renderWasmModule, WASM_MODULE_PATH } from "@/scripts/build-wasm";

describe("int8-dot-wasm.ts", () => {
  it("is exactly what wabt builds from int8-dot.wat today (run `npm run build:wasm` after editing the .wat)", async () => {
    const bytes = await compileInt8Dot();
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(fs.readFileSync(WASM_MODULE_PATH, "utf8")).toBe(renderWasmModule(bytes));
  });
});
