import { afterAll, vi } from "vitest";
import { removeContentRoots } from "./content-fixture";

// `server-only` throws when imported outside a React Server Component bundle;
// under vitest the modules that guard themselves with it are plain Node code.
vi.mock("server-only", () => ({}));

// Each test file's throwaway content roots go when the file is done.
afterAll(() => removeContentRoots());
