import { MOST_ASKED_ROWS } from "./constants";
import { groupNearDuplicates, type QuestionGroup } from "./group";
import type { InsightEvent, QuestionEvent } from "./types";

/** A question with the visitor's newest rating of its answer, if any. */
export type RatedQuestion = QuestionEvent & { rating?: "up" | "down" };

/** One UTC day's mix of retrieval modes and answer rungs. */
export interface DayMix {
  day: string;
  questions: number;
  notCovered: number;
  modes: Record<string, number>;
  rungs: Record<string, number>;
}

/** What the report shows, computed from the raw events. */
export interface InsightSummary {
  questions: RatedQuestion[];
  notCovered: QuestionGroup<RatedQuestion>[];
  ratedDown: RatedQuestion[];
  mostAsked: QuestionGroup<RatedQuestion>[];
  days: DayMix[];
  visitors: number;
}

/** Joins ratings to their questions (newest rating wins) and computes every table of the report. */
export function summarizeInsights(events: InsightEvent[]): InsightSummary {
  const ratings = new Map<string, "up" | "down">();
  for (const event of [...events].sort((a, b) => a.at.localeCompare(b.at))) if (event.type === "rating") ratings.set(event.id, event.rating);
  const questions: RatedQuestion[] = events
    .filter((e): e is QuestionEvent => e.type === "question")
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((q) => (ratings.has(q.id) ? { ...q, rating: ratings.get(q.id) } : q));
  const byCount = <T>(groups: QuestionGroup<T>[]) => groups.sort((a, b) => b.items.length - a.items.length);
  return {
    questions,
    notCovered: byCount(groupNearDuplicates(questions.filter((q) => !q.covered), (q) => q.question)),
    ratedDown: questions.filter((q) => q.rating === "down").reverse(),
    mostAsked: byCount(groupNearDuplicates(questions, (q) => q.question)).slice(0, MOST_ASKED_ROWS),
    days: mixByDay(questions),
    visitors: new Set(questions.flatMap((q) => (q.visitor ? [`${q.at.slice(0, 10)}:${q.visitor}`] : []))).size,
  };
}

function mixByDay(questions: RatedQuestion[]): DayMix[] {
  const days = new Map<string, DayMix>();
  for (const q of questions) {
    const day = q.at.slice(0, 10);
    const mix = days.get(day) ?? { day, questions: 0, notCovered: 0, modes: {}, rungs: {} };
    mix.questions++;
    if (!q.covered) mix.notCovered++;
    mix.modes[q.mode] = (mix.modes[q.mode] ?? 0) + 1;
    const rung = rungLabel(q);
    mix.rungs[rung] = (mix.rungs[rung] ?? 0) + 1;
    days.set(day, mix);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** The rung as the report names it: the answer path, or "none" when nothing answered. */
export function rungLabel(q: QuestionEvent): string {
  return q.rung ?? "none";
}
