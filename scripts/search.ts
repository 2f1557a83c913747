// `npm run search -- [--json] "question"`: retrieval alone, the top 15 from the baked index.
import { embedEndpointsFromEnv } from "@/lib/embed/endpoints";
import { embedQuery } from "@/lib/embed/embed-query";
import { loadSearchIndexNow } from "@/lib/search/load";
import { searchIndex } from "@/lib/search/search";
import type { SearchResponse } from "@/lib/search/types";
import { loadProjectEnv } from "./lib/load-env";

/** The documented `--json` shape: `{query, mode, results: [{rank, url, title, score, bm25Rank, denseRank}]}`. */
function toJsonOutput(response: SearchResponse) {
  return {
    query: response.query,
    mode: response.mode,
    results: response.results.map((r) => ({ rank: r.rank, url: r.chunk.url, title: r.chunk.title, score: r.score, bm25Rank: r.bm25Rank, denseRank: r.denseRank })),
  };
}

loadProjectEnv({ dev: false });
const args = process.argv.slice(2);
const json = args.includes("--json");
const query = args.filter((arg) => arg !== "--json").join(" ").trim();
if (!query) {
  console.error('usage: npm run search -- [--json] "question"');
  process.exit(2);
}

const index = loadSearchIndexNow();
const { primary, fallback } = embedEndpointsFromEnv();
const queryVector = !index.hasVectors
  ? undefined
  : (index.bakedQueryVector(query) ??
    (await embedQuery({ text: query, endpoints: [primary, fallback], dimensions: index.dimensions, onFailure: (reason) => console.error(`search: no query vector (${reason}); lexical only`) })));
const response = searchIndex({ index, query, queryVector });

if (json) {
  console.log(JSON.stringify(toJsonOutput(response)));
} else {
  console.log(`${response.mode} · ${response.results.length} results for "${query}"`);
  for (const r of response.results) {
    console.log(`${String(r.rank).padStart(2)}. ${r.score.toFixed(4)}  bm25 ${r.bm25Rank ?? "-"}  dense ${r.denseRank ?? "-"}  ${r.chunk.url}\n    ${r.chunk.title}`);
  }
}
