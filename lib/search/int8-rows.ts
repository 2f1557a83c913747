import { INT8_DOT_WASM_BASE64 } from "./int8-dot-wasm";

/** Row bytes are padded to a multiple of this: the WebAssembly kernel reads 16 int8 lanes at a time. */
const LANES = 16;
const WASM_PAGE_BYTES = 65_536;
/** wasm32 memory holds at most 65,536 pages (4 GiB); a bigger matrix scores in JS. */
const MAX_WASM_PAGES = 65_536;

/** Which dot-product loop scores the rows: WebAssembly SIMD where the runtime has it, plain JS otherwise. */
export type Int8Kernel = "wasm" | "js";

/** A matrix's rows as int8 (each scaled so its largest component is ±127), ready to be scored against one query at a time. */
export interface Int8Rows {
  kernel: Int8Kernel;
  count: number;
  /** Per row, 1 / its int8 scale: `dots[row] × inverseScales[row]` ranks rows as their cosines do. */
  inverseScales: Float32Array;
  /** The int8 dot product of every row with the unit query; the array is reused by the next call. */
  scoreAll(query: Float32Array): Int32Array;
}

let wasmModule: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null when this runtime has no WebAssembly SIMD (compiled once per process). */
function compiledKernel(): WebAssembly.Module | null {
  if (wasmModule === undefined) {
    const bytes = Buffer.from(INT8_DOT_WASM_BASE64, "base64");
    wasmModule = typeof WebAssembly === "object" && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return wasmModule;
}

/** Scale that maps a vector's largest component to ±127 (1 for a zero vector). */
function int8ScaleOf(vector: Float32Array, offset: number, dimensions: number): number {
  let max = 0;
  for (let d = 0; d < dimensions; d++) max = Math.max(max, Math.abs(vector[offset + d]!));
  return max > 0 ? 127 / max : 1;
}

/** Writes one vector's int8 copy (its largest component ±127) at `to` and returns the scale used. */
function quantizeInto(int8: Int8Array, to: number, vector: Float32Array, from: number, dimensions: number): number {
  const scale = int8ScaleOf(vector, from, dimensions);
  for (let d = 0; d < dimensions; d++) int8[to + d] = Math.round(vector[from + d]! * scale);
  return scale;
}

/** Where the query, the scores and the rows live in one buffer (the WebAssembly memory or a plain one). */
function layoutOf(count: number, stride: number) {
  const outAt = stride;
  const rowsAt = outAt + Math.ceil((count * 4) / LANES) * LANES;
  return { queryAt: 0, outAt, rowsAt, bytes: rowsAt + count * stride };
}

/** A WebAssembly memory big enough plus the kernel bound to it, or null to score in JS. */
function instantiate(bytes: number, kernel: Int8Kernel | undefined): { memory: ArrayBuffer; scoreRows: (...args: number[]) => void } | null {
  const module = kernel === "js" ? null : compiledKernel();
  if (kernel === "wasm" && !module) throw new Error("this runtime has no WebAssembly SIMD");
  const pages = Math.max(1, Math.ceil(bytes / WASM_PAGE_BYTES));
  if (!module || pages > MAX_WASM_PAGES) return null;
  const memory = new WebAssembly.Memory({ initial: pages });
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return { memory: memory.buffer, scoreRows: instance.exports.scoreRows as (...args: number[]) => void };
}

/** Integer dot product of one padded int8 row with the int8 query: four int32 running sums (1,024 × 127² fits). */
function scoreRowInJs(buffer: Int8Array, rowAt: number, queryAt: number, stride: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < stride; i += 4) {
    a = (a + buffer[rowAt + i]! * buffer[queryAt + i]!) | 0;
    b = (b + buffer[rowAt + i + 1]! * buffer[queryAt + i + 1]!) | 0;
    c = (c + buffer[rowAt + i + 2]! * buffer[queryAt + i + 2]!) | 0;
    d = (d + buffer[rowAt + i + 3]! * buffer[queryAt + i + 3]!) | 0;
  }
  return a + b + c + d;
}

/**
 * The int8 copy of a float32 matrix (`dimensions` floats per row), laid out for the
 * WebAssembly SIMD kernel when the runtime has it (`kernel` forces one, for tests and
 * the bench). Derived from the float32 rows at load time: the index file keeps one format.
 */
export function quantizeRows(matrix: Float32Array, dimensions: number, kernel?: Int8Kernel): Int8Rows {
  const count = dimensions === 0 ? 0 : matrix.length / dimensions;
  const stride = Math.max(LANES, Math.ceil(dimensions / LANES) * LANES);
  const { queryAt, outAt, rowsAt, bytes } = layoutOf(count, stride);
  const wasm = instantiate(bytes, kernel);
  const buffer = wasm ? wasm.memory : new ArrayBuffer(bytes);
  const int8 = new Int8Array(buffer);
  const dots = new Int32Array(buffer, outAt, count);
  const inverseScales = new Float32Array(count);
  for (let row = 0; row < count; row++) inverseScales[row] = 1 / quantizeInto(int8, rowsAt + row * stride, matrix, row * dimensions, dimensions);
  const scoreAll = (query: Float32Array): Int32Array => {
    quantizeInto(int8, queryAt, query, 0, dimensions);
    if (wasm) wasm.scoreRows(rowsAt, count, stride, queryAt, outAt);
    else for (let row = 0; row < count; row++) dots[row] = scoreRowInJs(int8, rowsAt + row * stride, queryAt, stride);
    return dots;
  };
  return { kernel: wasm ? "wasm" : "js", count, inverseScales, scoreAll };
}
