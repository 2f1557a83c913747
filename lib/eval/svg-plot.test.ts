import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { recallAtKSvg } from "./svg-plot";

const curve = (start: number) => Array.from({ length: 15 }, (_, i) => Math.min(1, start + i * 0.04));
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

describe("recallAtKSvg", () => {
  const svg = recallAtKSvg({
    title: "Recall@k — fake <embedder> & co",
    series: [{ mode: "lexical", values: curve(0.3) }, { mode: "dense", values: curve(0.1) }, { mode: "hybrid", values: curve(0.4) }],
  });
  const root = parser.parse(svg).svg;
  const polylines = [root.polyline].flat();

  it("writes well-formed XML even when the title holds markup characters", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(root.title).toBe("Recall@k — fake <embedder> & co");
  });

  it("draws one polyline per mode with one point per k", () => {
    expect(polylines.map((p) => p["data-mode"])).toEqual(["lexical", "dense", "hybrid"]);
    for (const line of polylines) expect(line.points.split(" ")).toHaveLength(15);
  });

  it("puts higher recall higher on the canvas", () => {
    const firstY = (mode: string) => Number(polylines.find((p) => p["data-mode"] === mode).points.split(" ")[0].split(",")[1]);
    expect(firstY("hybrid")).toBeLessThan(firstY("lexical"));
    expect(firstY("lexical")).toBeLessThan(firstY("dense"));
  });

  it("clamps values outside 0..1 to the axis", () => {
    const points = parser.parse(recallAtKSvg({ title: "t", series: [{ mode: "lexical", values: [-0.5, 0, 1, 1.5] }] })).svg.polyline.points.split(" ");
    const ys = points.map((pt: string) => pt.split(",")[1]);
    expect(ys[0]).toBe(ys[1]);
    expect(ys[3]).toBe(ys[2]);
  });

  it("labels every k on the x axis and names each mode in the legend", () => {
    const texts = [root.text].flat().map((t) => (typeof t === "object" ? t["#text"] : t)).map(String);
    for (let k = 1; k <= 15; k++) expect(texts).toContain(String(k));
    expect(texts).toEqual(expect.arrayContaining(["lexical", "dense", "hybrid", "recall@k"]));
  });
});
