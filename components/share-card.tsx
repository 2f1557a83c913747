import { ImageResponse } from "next/og";
import { site } from "@/lib/site";

/** The Open Graph image size every share card uses: what most sites crop to without loss. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

/**
 * A share card as a 1200 × 630 PNG: the kind ("Blog post", "Project"), the title and the
 * site's name. Only the font bundled with next/og: no network at build.
 */
export function renderShareCard({ kicker, title }: { kicker: string; title: string }): ImageResponse {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "linear-gradient(135deg, #0c4a6e 0%, #18181b 100%)", color: "#fafafa" }}>
        <div style={{ fontSize: 32, color: "#7dd3fc", display: "flex" }}>{kicker}</div>
        <div style={{ fontSize: title.length > 60 ? 56 : 72, lineHeight: 1.15, display: "flex" }}>{title}</div>
        <div style={{ fontSize: 32, display: "flex", justifyContent: "space-between", color: "#d4d4d8" }}>
          <span>{site.name}</span>
          <span>Ask the chat about it</span>
        </div>
      </div>
    ),
    SHARE_CARD_SIZE,
  );
}
