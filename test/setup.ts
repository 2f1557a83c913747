import { vi } from "vitest";

// `server-only` throws when imported outside a React Server Component bundle;
// under vitest the modules that guard themselves with it are plain Node code.
vi.mock("server-only", () => ({}));
