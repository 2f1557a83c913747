import { describe, expect, it } from "vitest";
import { formatVisitorDate, newestSources } from "./latest";
import { sourceOf } from "./testing";

describe("formatVisitorDate", () => {
  it("writes an ISO date as day, month name and year in UTC", () => {
    expect(formatVisitorDate("2026-03-12")).toBe("12 March 2026");
    expect(formatVisitorDate("2023-02-16T23:50:31.000Z")).toBe("16 February 2023");
  });
});

describe("newestSources", () => {
  const post = (n: number, date: string) => sourceOf({ n, title: `Post ${n}`, blocks: ["Text."], date, kind: "post", documentTitle: `Post ${n}`, url: `/blog/p${n}` });
  const project = (n: number, date: string) => sourceOf({ n, title: `Project ${n}`, blocks: ["Text."], date, kind: "project", documentTitle: `Project ${n}`, url: `/projects/p${n}` });

  it("orders dated documents newest first, one source per document, never the resume", () => {
    const resume = sourceOf({ n: 9, title: "Resume", blocks: ["Text."], date: "2030-01-01", kind: "resume", documentTitle: "Resume", url: "/resume" });
    const sameDocument = { ...post(4, "2026-01-01"), url: "/blog/p2#later" };
    const newest = newestSources({ sources: [post(1, "2024-05-01"), post(2, "2026-01-01"), resume, project(3, "2025-02-01"), sameDocument], question: "what's new?" });
    expect(newest.map((s) => s.n)).toEqual([2, 3, 1]);
  });

  it("keeps to projects when the question asks what was built", () => {
    const newest = newestSources({ sources: [post(1, "2026-05-01"), project(2, "2025-02-01")], question: "What's the latest thing you built?" });
    expect(newest.map((s) => s.n)).toEqual([2]);
  });

  it("finds nothing when the sources carry no dates", () => {
    expect(newestSources({ sources: [sourceOf({ n: 1, title: "T", blocks: ["Text."] })], question: "latest?" })).toEqual([]);
  });
});
