// The fast check of Ollama's answer must never pass what JSON.parse and the shape check
// would refuse: a garbage or wrongly shaped 200 must still become 502.
import { describe, expect, it } from "vitest";
import { isEmbedResponse } from "./openai";
import { isEmbedReply } from "./reply-check";

const oracle = (text: string, count: number) => {
  try {
    return isEmbedResponse(JSON.parse(text), count);
  } catch {
    return false;
  }
};
const reply = (vectors: number[][], extra = "") => `{"model":"bge-m3","embeddings":${JSON.stringify(vectors)},"total_duration":123,"load_duration":4,"prompt_eval_count":9${extra}}`;

describe("isEmbedReply", () => {
  it("passes Ollama's answers, extra fields included, and leaves the unusual to JSON.parse", () => {
    expect(isEmbedReply(Buffer.from(reply([[0.1, -2e-3, 3]])), 1)).toBe(true);
    expect(isEmbedReply(Buffer.from(reply([[1], [2], []])), 3)).toBe(true);
    expect(isEmbedReply(Buffer.from(` \n{ "embeddings":[[1,2]] , "x": {"a": [null, true, false, "s\\u00e9\\n"]} }\r\n`), 1)).toBe(true);
    // Valid, but not as Go writes it: the fast check says no, and forward.ts asks JSON.parse.
    for (const unusual of ['{"embeddings":[ [1, 2] ]}', '{"embedd\\u0069ngs":[[1,2]]}']) {
      expect(isEmbedReply(Buffer.from(unusual), 1), unusual).toBe(false);
      expect(oracle(unusual, 1), unusual).toBe(true);
    }
    expect(isEmbedReply(Buffer.from(JSON.stringify({ model: "bge-m3", embeddings: [Array.from({ length: 1024 }, (_, i) => Math.sin(i) / 7)] })), 1)).toBe(true);
  });

  it("refuses a garbage 200: not JSON, truncated, trailing bytes, NaN, strings for numbers, wrong count, a nested or overridden key", () => {
    const refused = [
      "<html>oops</html>",
      reply([[1, 2]]).slice(0, -1),
      `${reply([[1]])}x`,
      '{"embeddings":[[NaN]]}',
      '{"embeddings":[["1"]]}',
      '{"embeddings":[[1,]]}',
      '{"embeddings":[[01]]}',
      '{"embeddings":[[1.]]}',
      '{"embeddings":[[.5]]}',
      '{"embeddings":[[1e]]}',
      '{"embeddings":[[1]],}',
      '{"embeddings":[[1]]',
      '{"data":{"embeddings":[[1]]}}',
      '{"embeddings":[[1]],"embeddings":"no"}',
      '[[1]]',
      '{"embeddings":[[1]] "x":1}',
      '{"embeddings":[[1]],"x":"a\u0001b"}',
      '{"embeddings":[[1]],"x":"\\q"}',
      '{"embeddings":[[1]],"x":tru}',
      "",
    ];
    for (const text of refused) {
      expect(isEmbedReply(Buffer.from(text), 1), text).toBe(false);
      expect(oracle(text, 1), text).toBe(false);
    }
    expect(isEmbedReply(Buffer.from(reply([[1], [2]])), 1)).toBe(false);
  });

  it("never passes what JSON.parse refuses, over 20,000 random mutations of an answer", () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ' \t\n{}[]":,.-+eE0123456789\\uatrfnl\u0001\u00ff';
    let passed = 0;
    for (let round = 0; round < 20_000; round++) {
      const base = reply([[0.25, -1.5e-7], [3]], random(2) ? ',"extra":[{"a":null},"\\u0041",true]' : "");
      const bytes = [...base];
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(bytes.length);
        const kind = random(3);
        if (kind === 0) bytes.splice(at, 1);
        else if (kind === 1) bytes.splice(at, 0, alphabet[random(alphabet.length)]);
        else bytes[at] = alphabet[random(alphabet.length)];
      }
      const text = bytes.join("");
      const fast = isEmbedReply(Buffer.from(text, "latin1"), 2);
      if (fast) passed++;
      if (fast) expect(oracle(Buffer.from(text, "latin1").toString("utf8"), 2), text).toBe(true);
    }
    expect(passed).toBeGreaterThan(100); // the mutations leave some answers valid: the check is exercised both ways
  });
});
