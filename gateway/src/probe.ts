// Reading Ollama's model list (GET /api/tags), so the pool keeps out an upstream that
// does not serve every allowed model: vectors of two different models must never mix.
import { withTag } from "./request";

/** The allowed models missing from an /api/tags answer (empty when all are served), or undefined when the body is not a model list. */
export function modelsMissing(body: Buffer, allowed: readonly string[]): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
  const models = (parsed as { models?: unknown } | null)?.models;
  if (!Array.isArray(models)) return undefined;
  const served = new Set<string>();
  for (const entry of models as Array<{ name?: unknown; model?: unknown } | null>) {
    for (const name of [entry?.name, entry?.model]) if (typeof name === "string") served.add(withTag(name));
  }
  return allowed.filter((model) => !served.has(withTag(model)));
}
