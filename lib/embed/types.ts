/** Which wire format an embedding endpoint speaks. */
export type EmbedApi = "ollama" | "openai";

/** One embedding endpoint: the gateway, Ollama itself, or an OpenAI-compatible server. */
export interface EmbedEndpoint {
  url: string;
  api: EmbedApi;
  secret?: string;
  model: string;
}
