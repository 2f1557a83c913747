import { describe, expect, it } from "vitest";
import { encodeFloat32Base64, isEmbedResponse, toOllamaBody, toOpenAIResponse } from "./openai";
import { decodeFloat32Base64 } from "./testing";

describe("encodeFloat32Base64", () => {
  it("writes little-endian float32, whatever the machine's byte order", () => {
    expect(encodeFloat32Base64([1, -2])).toBe(Buffer.from([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]).toString("base64"));
    expect(decodeFloat32Base64(encodeFloat32Base64([0.5, 0.25, -1]))).toEqual([0.5, 0.25, -1]);
  });
});

describe("toOllamaBody", () => {
  it("sends only model, input and truncate", () => {
    expect(JSON.parse(toOllamaBody({ model: "bge-m3", inputCount: 1, inputs: ["a"], encodingFormat: "float" }))).toEqual({ model: "bge-m3", input: ["a"] });
    expect(JSON.parse(toOllamaBody({ model: "bge-m3", inputCount: 1, inputs: ["a"], truncate: false, encodingFormat: "float" }))).toEqual({ model: "bge-m3", input: ["a"], truncate: false });
  });
});

describe("toOpenAIResponse", () => {
  it("numbers the data items and reports usage from prompt_eval_count", () => {
    const answer = toOpenAIResponse({ embeddings: [[1], [2]], prompt_eval_count: 7 }, { model: "bge-m3", inputCount: 2, inputs: ["a", "b"], encodingFormat: "float" });
    expect(answer).toEqual({
      object: "list",
      data: [{ object: "embedding", index: 0, embedding: [1] }, { object: "embedding", index: 1, embedding: [2] }],
      model: "bge-m3",
      usage: { prompt_tokens: 7, total_tokens: 7 },
    });
  });
});

describe("isEmbedResponse", () => {
  it("wants one all-number vector per input", () => {
    expect(isEmbedResponse({ embeddings: [[1, 2]] }, 1)).toBe(true);
    expect(isEmbedResponse({ embeddings: [[1, 2]] }, 2)).toBe(false);
    expect(isEmbedResponse({ embeddings: [[null]] }, 1)).toBe(false);
    expect(isEmbedResponse(null, 1)).toBe(false);
  });
});
