import { rungLabel, type InsightSummary, type RatedQuestion } from "./summarize";

/** The plot's file name beside the markdown report. */
export const INSIGHTS_SVG_FILE = "insights.svg";

/** A table cell: pipes escaped and lines folded, so a visitor's question cannot break the table. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ");
const score = (q: RatedQuestion) => (q.topScore === null ? "–" : q.topScore.toFixed(3));
const day = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** The insights report as markdown: not covered, rated down, most asked, modes and rungs per day, the plot. */
export function insightsMarkdown({ summary, source, generatedAt }: { summary: InsightSummary; source: string; generatedAt: Date }): string {
  const { questions, notCovered, ratedDown, mostAsked, days } = summary;
  const lines = [
    "# What visitors asked",
    "",
    `${questions.length} questions from ${source}, read ${generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` +
      (summary.visitors > 0 ? `; ${summary.visitors} visitor-days (a day-salted hash, not a person).` : "."),
    "",
    "## Not covered",
    "",
    "Questions the writing did not cover, rewordings grouped: each is a post you could write.",
    "",
  ];
  if (notCovered.length === 0) lines.push("None.");
  else {
    lines.push("| asked | question | last asked | top score |", "|---:|---|---|---:|");
    for (const group of notCovered) {
      const last = group.items[group.items.length - 1]!;
      const also = group.items.length > 1 ? ` (also: ${[...new Set(group.items.slice(1).map((q) => q.question))].slice(0, 3).map((t) => `“${cell(t)}”`).join(", ")})` : "";
      lines.push(`| ${group.items.length} | ${cell(group.text)}${also} | ${day(last.at)} | ${score(last)} |`);
    }
  }
  lines.push("", "## Rated down", "", "Answers a visitor marked “Not helpful”, newest first.", "");
  if (ratedDown.length === 0) lines.push("None.");
  else {
    lines.push("| when | question | answered by | retrieval | top score | covered |", "|---|---|---|---|---:|---|");
    for (const q of ratedDown) lines.push(`| ${day(q.at)} | ${cell(q.question)} | ${rungLabel(q)} | ${q.mode} | ${score(q)} | ${q.covered ? "yes" : "no"} |`);
  }
  lines.push("", "## Most asked", "");
  if (mostAsked.length === 0) lines.push("No questions yet.");
  else {
    lines.push("| asked | question | covered | 👍 | 👎 |", "|---:|---|---|---:|---:|");
    for (const group of mostAsked) {
      const count = (rating: string) => group.items.filter((q) => q.rating === rating).length;
      const covered = group.items.filter((q) => q.covered).length;
      lines.push(`| ${group.items.length} | ${cell(group.text)} | ${covered}/${group.items.length} | ${count("up")} | ${count("down")} |`);
    }
  }
  const modes = [...new Set(days.flatMap((d) => Object.keys(d.modes)))].sort();
  const rungs = [...new Set(days.flatMap((d) => Object.keys(d.rungs)))].sort();
  lines.push("", "## Modes and rungs over time", "", "Retrieval mode (hybrid needs the Pi or a cached vector) and the answer path, per UTC day.", "");
  if (days.length === 0) lines.push("No questions yet.");
  else {
    lines.push(`| day | questions | not covered | ${[...modes, ...rungs].join(" | ")} |`, `|---|---:|---:|${[...modes, ...rungs].map(() => "---:").join("|")}|`);
    for (const d of days) lines.push(`| ${d.day} | ${d.questions} | ${d.notCovered} | ${[...modes.map((m) => d.modes[m] ?? 0), ...rungs.map((r) => d.rungs[r] ?? 0)].join(" | ")} |`);
    lines.push("", `![questions per day by answer rung](${INSIGHTS_SVG_FILE})`);
  }
  return `${lines.join("\n")}\n`;
}
