import type { Mode } from "./types";

/** Canvas and margins in px: wide enough for 15 labelled x ticks, margins leave room for tick labels and the legend. */
const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { top: 64, right: 140, bottom: 52, left: 56 };
/** Gridlines on the recall axis: every 0.2 from 0 to 1. */
const Y_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/** One colour per mode, distinguishable in greyscale too (dark, mid, light). */
const COLORS: Record<Mode, string> = { lexical: "#1f4e79", dense: "#c55a11", hybrid: "#548235" };
const DASHES: Record<Mode, string> = { lexical: "", dense: "6 4", hybrid: "" };

/** One line of the plot: a mode and its recall at k = 1..n. */
export interface RecallSeries {
  mode: Mode;
  values: number[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
const fmt = (n: number) => n.toFixed(1);

/**
 * A self-contained SVG line plot of recall@k (k = 1..n on x, 0..1 on y), one polyline
 * per mode, with axes, ticks, gridlines, a title, a subtitle (the embedder) and a legend. No chart library.
 */
export function recallAtKSvg({ series, title, subtitle = "" }: { series: RecallSeries[]; title: string; subtitle?: string }): string {
  const maxK = Math.max(1, ...series.map((s) => s.values.length));
  const x = (k: number) => MARGIN.left + (maxK === 1 ? 0 : ((k - 1) / (maxK - 1)) * plotWidth);
  const y = (recall: number) => MARGIN.top + (1 - Math.min(1, Math.max(0, recall))) * plotHeight;
  const bottom = MARGIN.top + plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="14" font-weight="600">${escapeXml(title)}</text>`,
    `<text x="${MARGIN.left}" y="42" font-size="11" fill="#555555">${escapeXml(subtitle)}</text>`,
  ];
  for (const tick of Y_TICKS) {
    parts.push(`<line x1="${MARGIN.left}" y1="${fmt(y(tick))}" x2="${MARGIN.left + plotWidth}" y2="${fmt(y(tick))}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${fmt(y(tick) + 4)}" text-anchor="end">${tick.toFixed(1)}</text>`);
  }
  for (let k = 1; k <= maxK; k++) {
    parts.push(`<line x1="${fmt(x(k))}" y1="${bottom}" x2="${fmt(x(k))}" y2="${bottom + 5}" stroke="#333333"/>`);
    parts.push(`<text x="${fmt(x(k))}" y="${bottom + 18}" text-anchor="middle">${k}</text>`);
  }
  parts.push(
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#333333"/>`,
    `<line x1="${MARGIN.left}" y1="${bottom}" x2="${MARGIN.left + plotWidth}" y2="${bottom}" stroke="#333333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">k (top-k chunks retrieved)</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">recall@k</text>`,
  );
  series.forEach(({ mode, values }, i) => {
    const points = values.map((recall, k) => `${fmt(x(k + 1))},${fmt(y(recall))}`).join(" ");
    const dash = DASHES[mode] ? ` stroke-dasharray="${DASHES[mode]}"` : "";
    parts.push(`<polyline data-mode="${mode}" points="${points}" fill="none" stroke="${COLORS[mode]}" stroke-width="2.5"${dash}/>`);
    const legendY = MARGIN.top + 12 + i * 22;
    const legendX = MARGIN.left + plotWidth + 16;
    parts.push(`<line x1="${legendX}" y1="${legendY}" x2="${legendX + 24}" y2="${legendY}" stroke="${COLORS[mode]}" stroke-width="2.5"${dash}/>`);
    parts.push(`<text x="${legendX + 30}" y="${legendY + 4}">${mode}</text>`);
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
