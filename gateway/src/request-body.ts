// The usual embed body read in place: a JSON object of `model`, `input` and maybe
// `truncate`, nothing else, every string plain ASCII. Such a body holds nothing but the
// fields the gateway forwards, so once it is checked it goes to Ollama unchanged, and it is
// never made a string, parsed or written again (on a CPU whose caches went cold between
// requests, those built-ins cost more than this loop).
//
// It says yes only when sure, and only to what request.ts's JSON.parse path would accept
// with the same model, input count and truncate; anything else (another key, a key twice,
// non-ASCII text, an escaped model name, a refusal of any kind) gets undefined, and that path
// then reads the body and has the last word, with its own error messages.

import { byteTable, bytesAt, bytesOf, skipJsonSpace } from "./ascii";

/** What the fast reader needs of the limits: the allowed names' bytes, and the input caps. */
export type PlainLimits = { readonly modelNames: ReadonlyArray<{ name: string; bytes: Uint8Array }>; readonly maxInputs: number; readonly maxInputChars: number };

/** A plain body's fields: the model as allowed, how many texts, and `truncate` if given. */
export type PlainBody = { model: string; inputCount: number; truncate: boolean | undefined };

const [QUOTE, BACKSLASH, COMMA, COLON, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT, LOWER_U] = [0x22, 0x5c, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x75];
const KEYS = { model: bytesOf('"model"'), input: bytesOf('"input"'), truncate: bytesOf('"truncate"') };
const [TRUE, FALSE] = [bytesOf("true"), bytesOf("false")];
// The byte after a backslash in a one-character escape (`\u` is read on its own), and a hex digit.
const SHORT_ESCAPE = byteTable('"\\/bfnrt');
const HEX = byteTable("0123456789abcdefABCDEF");

/** The fields of a plain, acceptable embed body, or undefined when it is not surely one. */
export function readPlainBody(body: Buffer, limits: PlainLimits): PlainBody | undefined {
  return new Reader(body, limits).object();
}

// A class rather than closures: one object per body.
class Reader {
  private at = 0;

  constructor(
    private readonly b: Buffer,
    private readonly limits: PlainLimits,
  ) {}

  object(): PlainBody | undefined {
    const { b } = this;
    let model: string | undefined;
    let inputCount = 0;
    let truncate: boolean | undefined;
    let sawTruncate = false;
    this.space();
    if (b[this.at] !== OPEN_OBJECT) return undefined;
    this.at++;
    for (;;) {
      this.space();
      const key = this.key();
      if (key === "model") {
        if (model !== undefined || (model = this.model()) === undefined) return undefined;
      } else if (key === "input") {
        if (inputCount > 0 || (inputCount = this.inputs()) <= 0) return undefined;
      } else if (key === "truncate") {
        if (sawTruncate || (truncate = this.boolean()) === undefined) return undefined;
        sawTruncate = true;
      } else return undefined;
      this.space();
      if (b[this.at] === CLOSE_OBJECT) break;
      if (b[this.at] !== COMMA) return undefined;
      this.at++;
    }
    this.at++;
    this.space();
    if (this.at !== b.length || model === undefined || inputCount === 0) return undefined;
    return { model, inputCount, truncate };
  }

  private space(): void {
    this.at = skipJsonSpace(this.b, this.at);
  }

  // One of the three keys, spelled plainly, and its colon (moving past both); else undefined.
  private key(): keyof typeof KEYS | undefined {
    const { b } = this;
    const key = bytesAt(b, this.at, KEYS.model) ? "model" : bytesAt(b, this.at, KEYS.input) ? "input" : bytesAt(b, this.at, KEYS.truncate) ? "truncate" : undefined;
    if (key === undefined) return undefined;
    this.at += KEYS[key].length;
    this.space();
    if (b[this.at] !== COLON) return undefined;
    this.at++;
    this.space();
    return key;
  }

  // An allowed model's name, spelled exactly (no escape) in quotes.
  private model(): string | undefined {
    const { b } = this;
    if (b[this.at] !== QUOTE) return undefined;
    const start = this.at + 1;
    for (const { name, bytes } of this.limits.modelNames) {
      if (b[start + bytes.length] === QUOTE && bytesAt(b, start, bytes)) {
        this.at = start + bytes.length + 1;
        return name;
      }
    }
    return undefined;
  }

  // A string or a non-empty array of strings, within the caps: how many; 0 when not so.
  // A lone "" is not read here: Ollama takes it for no input at all, [""] for one empty
  // text, and the JSON.parse path sends the latter, as it does for every lone string.
  private inputs(): number {
    const { b } = this;
    if (b[this.at] === QUOTE) return this.text() > 0 ? 1 : 0;
    if (b[this.at] !== OPEN_ARRAY) return 0;
    this.at++;
    for (let count = 1; count <= this.limits.maxInputs; count++) {
      this.space();
      if (this.text() < 0) return 0;
      this.space();
      if (b[this.at] === CLOSE_ARRAY) {
        this.at++;
        return count;
      }
      if (b[this.at] !== COMMA) return 0;
      this.at++;
    }
    return 0;
  }

  // One text: a string of printable ASCII and valid escapes, at most maxInputChars long
  // once decoded (in UTF-16 units, as JavaScript counts; every escape is one). Its length, or -1.
  private text(): number {
    const { b } = this;
    if (b[this.at] !== QUOTE) return -1;
    let units = 0;
    for (let i = this.at + 1; i < b.length; i++) {
      const c = b[i];
      if (c === QUOTE) {
        this.at = i + 1;
        return units <= this.limits.maxInputChars ? units : -1;
      }
      if (c < 0x20 || c > 0x7f) return -1; // a control byte is not JSON; other text is JSON.parse's to read
      if (c === BACKSLASH) {
        const e = b[++i];
        if (e === LOWER_U) {
          if (HEX[b[i + 1]] !== 1 || HEX[b[i + 2]] !== 1 || HEX[b[i + 3]] !== 1 || HEX[b[i + 4]] !== 1) return -1;
          i += 4;
        } else if (SHORT_ESCAPE[e] !== 1) return -1;
      }
      units++;
    }
    return -1;
  }

  private boolean(): boolean | undefined {
    const value = bytesAt(this.b, this.at, TRUE) ? true : bytesAt(this.b, this.at, FALSE) ? false : undefined;
    if (value !== undefined) this.at += value ? TRUE.length : FALSE.length;
    return value;
  }
}

/** The allowed names a plain body may spell: those of printable ASCII with no quote or backslash (any other is read by JSON.parse). */
export function plainModelNames(names: Iterable<string>): PlainLimits["modelNames"] {
  return [...names].filter((name) => /^[\x20-\x7e]+$/.test(name) && !/["\\]/.test(name)).map((name) => ({ name, bytes: bytesOf(name) }));
}
