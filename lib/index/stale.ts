import path from "node:path";
import { readBakedIndex } from "./read";
import { hashSources } from "./source-hash";

/** Why the index must be rebuilt (missing, other version or model, content changed, an endpoint appeared), or undefined when fresh. */
export function whyStale({ root, indexDir, model, embedConfigured }: { root: string; indexDir: string; model: string; embedConfigured: boolean }): string | undefined {
  const read = readBakedIndex({ dir: path.resolve(root, indexDir), model });
  if (!read.ok) return read.reason;
  const { meta } = read.index;
  if (meta.model !== model) return `the index was built for ${meta.model}`;
  if (meta.sourceHash !== hashSources({ root, model })) return "content/ changed since the last index";
  if (embedConfigured && !meta.embedConfigured) return "an embedding endpoint is configured now and the index is lexical-only";
  return undefined;
}
