// Side effect only: the first import of components/chat-panel.tsx, so it runs before `ai` builds its schemas.
import { config } from "zod";

// useChat validates the stream with zod (through `ai`), and zod probes `new Function("")`
// once to pick its fast path. Under the site's CSP (no 'unsafe-eval') that probe is a
// reported violation in the console; jitless mode never makes it.
config({ jitless: true });
