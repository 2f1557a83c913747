// Test-only wiring for the chat route: a real baked index built from content/ with the
// fake Ollama, the real handler over real providers pointed at the fakes, and a client
// that reads the answer exactly as `useChat` does (DefaultChatTransport + readUIMessageStream).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DefaultChatTransport, readUIMessageStream, type UIMessageChunk } from "ai";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { readChatRequest } from "@/app/api/chat/schema";
import { startFakeLlm, type FakeLlm } from "@/test/fake-llm";
import { startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { embedTexts } from "@/lib/embed/client";
import { buildIndex } from "@/lib/index/build";
import { loadSearchIndexNow } from "@/lib/search/load";
import { packContext } from "@/lib/search/pack-context";
import { rankLexical, searchIndex } from "@/lib/search/search";
import type { SearchIndex } from "@/lib/search/types";
import { suggestedQuestions } from "@/lib/site";
import { createChatHandler, type ChatHandlerDeps } from "../handler";
import { coverageOf } from "../not-covered";
import { createClientIdentifier } from "../client-identity";
import { answerProvidersFromEnv } from "../providers/ladder-from-env";
import { createQueryEmbedder } from "../query-embedder";
import { createChatRateLimiter, type ChatRateLimiter } from "../rate-limit";
import { createRetriever } from "../retrieve";
import type { SiteBudget } from "../site-budget";
import type { ChatMessage, ChatUIMessage } from "../types";

/** Builds the real index of content/ with vectors from the fake Ollama at `embedUrl`, in a temp dir. */
async function buildTestIndex(embedUrl: string): Promise<{ index: SearchIndex; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "chat-index-"));
  const endpoint = { url: embedUrl, api: "ollama" as const, model: "bge-m3" };
  await buildIndex({ root: process.cwd(), indexDir: path.join(dir, "index"), cacheDir: path.join(dir, "cache"), model: "bge-m3", primary: endpoint, suggestedQuestions, warn: () => {} });
  const index = loadSearchIndexNow({ dir: path.join(dir, "index"), model: "bge-m3" });
  return { index, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a test chat handler is built from; every service is optional, as in the env. */
export interface TestHandlerOptions {
  index: SearchIndex;
  /** The body parser (app/api/chat/schema.ts `readChatRequest`); lib does not import app. */
  readRequest: ChatHandlerDeps["readRequest"];
  embedUrl?: string;
  embedFallbackUrl?: string;
  groqUrl?: string;
  llmUrl?: string;
  order?: "groq,local" | "local,groq";
  rateLimiter?: ChatRateLimiter;
  identifyClient?: ChatHandlerDeps["identifyClient"];
  queryEmbedBudget?: SiteBudget;
  answerBudget?: SiteBudget;
  serverTiming?: boolean;
  logs?: string[];
  /** `CHAT_DENSE_COVERED_MIN` for this handler. */
  denseCoveredMin?: number;
  /** Insights and follow-ups, off unless a test asks for them. */
  extras?: Pick<ChatHandlerDeps, "insights" | "suggestFollowUps">;
}

/** The real chat handler over real providers, pointed at the fakes. */
export function createTestHandler(options: TestHandlerOptions) {
  const logs = options.logs ?? [];
  const log = (message: string) => void logs.push(message);
  const endpoint = (url?: string) => (url ? { url, api: "ollama" as const, model: "bge-m3" } : undefined);
  return createChatHandler({
    readRequest: options.readRequest,
    rateLimiter: options.rateLimiter ?? createChatRateLimiter({ pointsPerMinute: 1_000 }),
    // The tests play one trusted proxy: the client is the last X-Forwarded-For entry.
    identifyClient: options.identifyClient ?? createClientIdentifier({ kind: "proxies", count: 1 }, () => {}),
    answerBudget: options.answerBudget,
    serverTiming: options.serverTiming,
    retrieve: createRetriever({
      search: { loadIndex: async () => options.index, search: searchIndex, rankLexical, pack: packContext, cover: (o) => coverageOf({ ...o, denseMin: options.denseCoveredMin ?? null }) },
      embedder: createQueryEmbedder({ endpoints: { primary: endpoint(options.embedUrl), fallback: endpoint(options.embedFallbackUrl) }, embedTexts, budget: options.queryEmbedBudget, log }),
      log,
    }),
    providers: answerProvidersFromEnv({
      GROQ_API_KEY: options.groqUrl ? "test-key" : undefined,
      GROQ_BASE_URL: options.groqUrl,
      GROQ_MODEL: "llama-3.3-70b-versatile",
      LLM_BASE_URL: options.llmUrl ? `${options.llmUrl}/v1` : undefined,
      LLM_MODEL: "llama3.2",
      LLM_API_KEY: undefined,
      LLM_ORDER: options.order ?? "groq,local",
    }),
    author: "Ines Varga",
    log,
    ...options.extras,
  });
}

/** A user message as `useChat` builds it. */
export function userMessage(text: string, id = `u-${Math.random().toString(36).slice(2)}`): ChatMessage {
  return { id, role: "user", parts: [{ type: "text", text }] };
}

type Handler = (request: Request) => Promise<Response>;

/** Sends messages the way `useChat` does and assembles the answer with the AI SDK's own reader. */
export async function askWithAiSdk(handler: Handler, messages: Array<ChatMessage | ChatUIMessage>, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}) {
  let response: Response | undefined;
  const transport = new DefaultChatTransport<ChatUIMessage>({
    api: "http://site.test/api/chat",
    headers: init.headers,
    fetch: async (input, requestInit) => (response = await handler(new Request(input as string, requestInit))),
  });
  const stream = await transport.sendMessages({ chatId: "test", messages: messages as ChatUIMessage[], trigger: "submit-message", messageId: undefined, abortSignal: init.signal });
  const [forChunks, forMessages] = stream.tee();
  const chunksDone = collect(forChunks);
  const errors: string[] = [];
  let message: ChatUIMessage | undefined;
  for await (const state of readUIMessageStream<ChatUIMessage>({ stream: forMessages, onError: (e) => errors.push(e instanceof Error ? e.message : String(e)) })) message = state;
  const chunks = await chunksDone;
  const text = message?.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("") ?? "";
  return { response: response!, chunks, message: message!, text, errors };
}

async function collect(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<UIMessageChunk>) chunks.push(chunk);
  return chunks;
}

/** A raw POST to the handler (for bad bodies and headers). */
export function postChat(handler: Handler, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return handler(new Request("http://site.test/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  }));
}

/** The fakes and index one chat test file shares, reset before each test. */
export interface ChatFakes {
  ollama: FakeOllama;
  llm: FakeLlm;
  index: SearchIndex;
  /** What the handler logged during the current test. */
  logs: string[];
  /** The real handler over the fakes; options override the wiring for one test. */
  handlerWith(options?: Partial<TestHandlerOptions>): Handler;
}

/**
 * Registers the hooks that start the fake Ollama and fake LLM, bake the real index once
 * per file, and reset both fakes and the logs before each test.
 */
export function useChatFakes(): ChatFakes {
  let cleanup = () => {};
  const fakes = {
    logs: [] as string[],
    handlerWith(options: Partial<TestHandlerOptions> = {}) {
      const { index, ollama, llm, logs } = fakes as ChatFakes;
      return createTestHandler({ index, readRequest: readChatRequest, embedUrl: ollama.url, groqUrl: llm.url, llmUrl: llm.url, logs, ...options });
    },
  } as ChatFakes;
  beforeAll(async () => {
    [fakes.ollama, fakes.llm] = await Promise.all([startFakeOllama(), startFakeLlm()]);
    ({ index: fakes.index, cleanup } = await buildTestIndex(fakes.ollama.url));
  });
  afterAll(async () => {
    await Promise.all([fakes.ollama.close(), fakes.llm.close()]);
    cleanup();
  });
  beforeEach(() => {
    fakes.ollama.reset();
    fakes.llm.reset();
    fakes.logs.length = 0;
  });
  return fakes;
}
