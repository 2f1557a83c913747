import { MAX_MESSAGE_ID_CHARS, MAX_USER_TEXT_CHARS } from "./limits";
import type { AnswerPath, ChatMessageMetadata, ChatUIMessage } from "./types";
import type { SearchMode } from "../search/types";

// Client-side code (the chat panel imports it): no server-only modules, no Node APIs.

/** The sessionStorage key; versioned so a future change of shape starts fresh instead of misreading. */
export const SAVED_CONVERSATION_KEY = "chat:conversation:v1";

/** Most messages kept: twice what the client sends per request, so a long session stays far under the storage quota. */
export const MAX_SAVED_MESSAGES = 24;

/** Most follow-up questions kept on a saved answer: the route offers three (lib/chat/follow-ups.ts). */
const MAX_SAVED_FOLLOW_UPS = 3;

const SEARCH_MODES: readonly SearchMode[] = ["hybrid", "lexical"];
const ANSWER_PATHS: readonly AnswerPath[] = ["groq", "local", "extractive", "not-covered"];

type Part = ChatUIMessage["parts"][number];
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
/** Sources are the author's own pages: a same-site path, never `javascript:` or another host. */
const isSitePath = (url: unknown): url is string => isString(url) && url.startsWith("/") && !url.startsWith("//");

/** A text or source part as saved, `null` for a broken one, `undefined` for a kind the panel does not show (dropped). */
function partFrom(value: unknown): Part | null | undefined {
  if (!isRecord(value) || !isString(value.type)) return null;
  if (value.type === "text") return isString(value.text) ? { type: "text", text: value.text } : null;
  if (value.type !== "source-url") return undefined;
  if (!isString(value.sourceId) || !isSitePath(value.url) || (value.title !== undefined && !isString(value.title))) return null;
  return { type: "source-url", sourceId: value.sourceId, url: value.url, ...(isString(value.title) ? { title: value.title } : {}) };
}

function metadataFrom(value: unknown): ChatMessageMetadata | undefined {
  if (!isRecord(value)) return undefined;
  const retrieval = SEARCH_MODES.find((mode) => mode === value.retrieval);
  const answer = ANSWER_PATHS.find((path) => path === value.answer);
  // The rating id and follow-ups, so an answer restored after Back keeps its thumbs and "Ask next"; junk is dropped, not trusted.
  const insightId = isString(value.insightId) && value.insightId !== "" && value.insightId.length <= MAX_MESSAGE_ID_CHARS ? value.insightId : undefined;
  const followUps = Array.isArray(value.followUps) ? value.followUps.filter((q): q is string => isString(q) && q.trim() !== "" && q.length <= MAX_USER_TEXT_CHARS).slice(0, MAX_SAVED_FOLLOW_UPS) : [];
  return { ...(retrieval ? { retrieval } : {}), ...(answer ? { answer } : {}), ...(insightId ? { insightId } : {}), ...(followUps.length > 0 ? { followUps } : {}) };
}

function messageFrom(value: unknown): ChatUIMessage | null {
  if (!isRecord(value) || !isString(value.id) || value.id === "" || value.id.length > MAX_MESSAGE_ID_CHARS) return null;
  if ((value.role !== "user" && value.role !== "assistant") || !Array.isArray(value.parts)) return null;
  const parts = value.parts.map(partFrom);
  if (parts.includes(null)) return null;
  const metadata = metadataFrom(value.metadata);
  return { id: value.id, role: value.role, parts: parts.filter((p): p is Part => p !== undefined), ...(metadata ? { metadata } : {}) };
}

/** The conversation in a saved string, validated part by part; anything malformed (or not JSON) gives an empty one. */
export function parseSavedConversation(raw: string | null): ChatUIMessage[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const messages = value.map(messageFrom);
  return messages.includes(null) ? [] : (messages as ChatUIMessage[]).slice(-MAX_SAVED_MESSAGES);
}

/** The tab's sessionStorage, or `null` where it is missing or refused (server render, privacy settings, sandboxed frames). */
function sessionStorageOrNull(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/** The saved conversation, or an empty one when there is none, no storage, or junk. */
export function readSavedConversation(storage: Pick<Storage, "getItem"> | null = sessionStorageOrNull()): ChatUIMessage[] {
  try {
    return parseSavedConversation(storage?.getItem(SAVED_CONVERSATION_KEY) ?? null);
  } catch {
    return [];
  }
}

/** Saves the newest messages (an empty conversation removes the key); a full or refused storage is ignored, the chat goes on. */
export function saveConversation(messages: ChatUIMessage[], storage: Pick<Storage, "setItem" | "removeItem"> | null = sessionStorageOrNull()): void {
  try {
    if (messages.length === 0) storage?.removeItem(SAVED_CONVERSATION_KEY);
    else storage?.setItem(SAVED_CONVERSATION_KEY, JSON.stringify(messages.slice(-MAX_SAVED_MESSAGES)));
  } catch {
    // QuotaExceededError or SecurityError: keeping the conversation across pages is a nicety
  }
}
