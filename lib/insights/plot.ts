import type { DayMix } from "./summarize";

/** Canvas and margins in px, as the eval's plot: room for day labels below and the legend on the right. */
const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { top: 56, right: 140, bottom: 64, left: 48 };
/** Bars shown at most: the newest days, so a long history stays readable. */
export const PLOT_MAX_DAYS = 30;

/** One colour per rung, distinguishable in greyscale (dark to light); unknown rungs grey. */
const RUNG_COLORS: Record<string, string> = { groq: "#1f4e79", local: "#548235", extractive: "#c55a11", none: "#bfbfbf" };

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A self-contained SVG of questions per day, each bar stacked by answer rung, with the
 * not-covered count marked above it. No chart library.
 */
export function questionsPerDaySvg({ days, title }: { days: DayMix[]; title: string }): string {
  const shown = days.slice(-PLOT_MAX_DAYS);
  const rungs = [...new Set(shown.flatMap((d) => Object.keys(d.rungs)))].sort((a, b) => order(a) - order(b));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...shown.map((d) => d.questions));
  const slot = plotWidth / Math.max(1, shown.length);
  const barWidth = Math.max(2, slot * 0.7);
  const bottom = MARGIN.top + plotHeight;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="${MARGIN.left}" y="42" fill="#555">questions per day by answer rung; the number above a bar: not covered</text>`,
    `<line x1="${MARGIN.left}" y1="${bottom}" x2="${MARGIN.left + plotWidth}" y2="${bottom}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#333"/>`,
    `<text x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" text-anchor="end">${max}</text>`,
    `<text x="${MARGIN.left - 6}" y="${bottom + 4}" text-anchor="end">0</text>`,
  ];
  shown.forEach((day, i) => {
    const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
    let top = bottom;
    for (const rung of rungs) {
      const height = ((day.rungs[rung] ?? 0) / max) * plotHeight;
      if (height === 0) continue;
      top -= height;
      parts.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}" fill="${RUNG_COLORS[rung] ?? "#7f7f7f"}" data-rung="${escapeXml(rung)}" data-day="${day.day}"/>`);
    }
    if (day.notCovered > 0) parts.push(`<text x="${(x + barWidth / 2).toFixed(1)}" y="${(top - 4).toFixed(1)}" text-anchor="middle" fill="#a00">${day.notCovered}</text>`);
    parts.push(`<text x="${(x + barWidth / 2).toFixed(1)}" y="${bottom + 16}" text-anchor="end" transform="rotate(-40 ${(x + barWidth / 2).toFixed(1)} ${bottom + 16})">${day.day.slice(5)}</text>`);
  });
  rungs.forEach((rung, i) => {
    const y = MARGIN.top + i * 20;
    parts.push(`<rect x="${WIDTH - MARGIN.right + 16}" y="${y}" width="12" height="12" fill="${RUNG_COLORS[rung] ?? "#7f7f7f"}"/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right + 34}" y="${y + 10}">${escapeXml(rung)}</text>`);
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

function order(rung: string): number {
  const i = Object.keys(RUNG_COLORS).indexOf(rung);
  return i < 0 ? 99 : i;
}
