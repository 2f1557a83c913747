// The fast reader of plain embed bodies against JSON.parse: whatever it accepts, JSON.parse
// reads as the same request, with no field but those the gateway forwards (the body then
// goes to Ollama unchanged); on valid bodies and many thousands of byte-level mutations.
import { describe, expect, it } from "vitest";
import { readPlainBody } from "./request-body";
import { parseEmbedRequest, requestLimits } from "./request";

const limits = requestLimits({ maxInputs: 4, maxInputChars: 12, models: ["bge-m3"] });
const FORWARDED = new Set(["model", "input", "truncate"]);

// What JSON.parse makes of a body when the gateway would accept it and may send it on as it
// came, else undefined.
function oracle(text: string): { model: string; inputs: string[]; truncate: boolean | undefined; keys: string[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const fields = parsed as Record<string, unknown>;
  const inputs = typeof fields.input === "string" ? [fields.input] : fields.input;
  if (typeof fields.model !== "string" || !limits.allowedModels.has(fields.model)) return undefined;
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > limits.maxInputs) return undefined;
  if (!inputs.every((input) => typeof input === "string" && input.length <= limits.maxInputChars)) return undefined;
  if (fields.truncate !== undefined && typeof fields.truncate !== "boolean") return undefined;
  if (fields.dimensions !== undefined) return undefined;
  if (fields.input === "") return undefined; // sent on as [""]: Ollama reads a lone "" as no input at all
  return { model: fields.model, inputs, truncate: fields.truncate as boolean | undefined, keys: Object.keys(fields) };
}

function randomFrom(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("readPlainBody", () => {
  it("reads the usual bodies: a string or an array, any key order, whitespace, escapes, truncate", () => {
    const read = (text: string) => readPlainBody(Buffer.from(text, "latin1"), limits);
    expect(read('{"model":"bge-m3","input":"hello"}')).toEqual({ model: "bge-m3", inputCount: 1, truncate: undefined });
    expect(read(' {\n "input" : [ "a" , "b\\n\\u00e9\\"" ],"truncate":false, "model":"bge-m3:latest" } ')).toEqual({ model: "bge-m3:latest", inputCount: 2, truncate: false });
    // 12 characters once decoded (each escape is one), the cap: read; 13: left to JSON.parse, which refuses.
    expect(read(`{"model":"bge-m3","input":"${"\\u0041".repeat(12)}"}`)?.inputCount).toBe(1);
    expect(read(`{"model":"bge-m3","input":"${"a".repeat(13)}"}`)).toBeUndefined();
    expect(read('{"model":"bge-m3","input":[""]}')?.inputCount).toBe(1);
  });

  it("leaves to JSON.parse what it is not sure of: other keys, a key twice, non-ASCII text, an escaped model, refusals", () => {
    for (const text of [
      '{"model":"bge-m3","input":"x","keep_alive":0}',
      '{"model":"bge-m3","input":"x","options":{"num_ctx":1}}',
      '{"model":"bge-m3","input":"x","model":"other"}',
      '{"model":"bge-m3","input":"x","Model":"other"}',
      '{"model":"bge-m3","input":"x","__proto__":{}}',
      '{"model":"bge\\u002dm3","input":"x"}',
      '{"model":"bge-m3","input":"caf\u00e9"}',
      '{"model":"other","input":"x"}',
      '{"model":"bge-m3","input":[]}',
      '{"model":"bge-m3","input":""}',
      '{"model":"bge-m3","input":["a","b","c","d","e"]}',
      '{"model":"bge-m3","input":[1]}',
      '{"model":"bge-m3","input":"x","truncate":"yes"}',
      '{"model":"bge-m3","input":"x","truncate":null}',
      '{"model":"bge-m3","input":"x","dimensions":8}',
      '{"model":"bge-m3"}',
      '{"model":"bge-m3","input":"x",}',
      '{"model""input":"x","model":"bge-m3"}',
      '{"model":"bge-m3","input":"x"} x',
      '{"model":"bge-m3","input":"a\u0001b"}',
      '{"model":"bge-m3","input":"\\x"}',
      '{"model":"bge-m3","input":"\\u12G4"}',
      "",
    ]) {
      expect(readPlainBody(Buffer.from(text, "utf8"), limits), text).toBeUndefined();
    }
  });

  it("attack: never accepts a body that JSON.parse reads otherwise, or that carries a field the gateway does not forward (20,000 mutations)", () => {
    const random = randomFrom(20261201);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const bases = ['{"model":"bge-m3","input":"hello there"}', '{"input":["a","b\\u0041\\n"],"model":"bge-m3:latest","truncate":true}', ' { "model" : "bge-m3" , "input" : [ "x" ] } '];
    const pieces = ['"', "\\", ",", ":", "{", "}", "[", "]", " ", "\n", "\u0001", "\u00e9", "u", "0", "a", "e", '"model":"bge-m3",', '"input":"y",', '"keep_alive":0,', '"truncate":false,', '"options":{},', '"truncate":null,', '"truncate":1,', '"model":null,', '"input":[null],', '"input":[],', '"model"', '"input"', "\\u00", "true", "null"];
    let accepted = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = pick(bases);
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * (text.length + 1));
        text = random() < 0.7 ? text.slice(0, at) + pick(pieces) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      }
      const bytes = Buffer.from(text, "utf8");
      const plain = readPlainBody(bytes, limits);
      if (!plain) continue;
      accepted++;
      const expected = oracle(bytes.toString("utf8"));
      expect(expected, text).toBeDefined();
      expect(plain, text).toEqual({ model: expected?.model, inputCount: expected?.inputs.length, truncate: expected?.truncate });
      expect(expected?.keys.every((key) => FORWARDED.has(key)), text).toBe(true);
      // The request built from it decodes the same texts when something asks for them.
      expect(parseEmbedRequest(bytes, limits, false).inputs, text).toEqual(expected?.inputs);
    }
    // Mutations leave enough bodies acceptable for the comparison to mean something.
    expect(accepted).toBeGreaterThan(500);
  });

  it("hands the gateway the client's bytes to forward, and the same request JSON.parse would make", () => {
    const body = Buffer.from('{"input":["a","b"],"model":"bge-m3"}');
    const request = parseEmbedRequest(body, limits, false);
    expect(request.plain).toBe(body);
    expect({ model: request.model, inputCount: request.inputCount, inputs: request.inputs, truncate: request.truncate }).toEqual({ model: "bge-m3", inputCount: 2, inputs: ["a", "b"], truncate: undefined });
    expect(parseEmbedRequest(Buffer.from('{"input":"a","model":"bge-m3","keep_alive":0}'), limits, false).plain).toBeUndefined();
    expect(parseEmbedRequest(body, limits, true).plain).toBeUndefined(); // /v1 bodies are always translated
  });
});
