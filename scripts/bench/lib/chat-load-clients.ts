// The chat load's clients, run in a worker thread so their bookkeeping never shares an
// event loop with the fakes the server calls (which would understate the server).
import { Worker } from "node:worker_threads";

/** One request as a client saw it: status, time to the first body byte, to the end, and whether the stream ended with `finish` and no `error` part. */
export interface LoadSample {
  status: number;
  ttfbMs: number;
  totalMs: number;
  complete: boolean;
}

/** Who the clients pretend to be: visitors move to a fresh address every few questions; the heavy clients share one. */
export interface LoadPlan {
  url: string;
  clients: number;
  seconds: number;
  /** Clients that all post from `sharedAddress`, so the per-client limit answers 429. */
  sharedClients: number;
  sharedAddress: string;
  questionsPerVisitor: number;
  questions: string[];
}

// Plain JS (a worker evaluates it as is). Each question gets a counter so the server's
// query-vector cache never hides the embedder.
const CLIENTS_JS = `
const { workerData: plan, parentPort } = require("node:worker_threads");
const { Agent, request } = require("node:http");
const agent = new Agent({ keepAlive: true, maxSockets: plan.clients });
const deadline = performance.now() + plan.seconds * 1000;
const samples = [];
let sequence = 0;
const once = (address) => new Promise((resolve) => {
  const n = sequence++;
  const text = plan.questions[n % plan.questions.length] + " (#" + n + ")";
  const body = JSON.stringify({ id: "load-" + n, trigger: "submit-message", messages: [{ id: "m" + n, role: "user", parts: [{ type: "text", text }] }] });
  const started = performance.now();
  let ttfb = 0, answer = "";
  const done = (status) => { samples.push({ status, ttfbMs: ttfb || performance.now() - started, totalMs: performance.now() - started, complete: status === 200 && answer.includes('"type":"finish"') && !answer.includes('"type":"error"') }); resolve(); };
  const req = request(plan.url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-forwarded-for": address } }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk) => { ttfb ||= performance.now() - started; answer += chunk; });
    res.on("end", () => done(res.statusCode));
    res.on("error", () => done(res.statusCode));
  });
  req.on("error", () => done(0));
  req.end(body);
});
const client = async (i) => {
  for (let asked = 0; performance.now() < deadline; asked++) {
    const visitor = Math.floor(asked / plan.questionsPerVisitor);
    const address = i < plan.sharedClients ? plan.sharedAddress : "10." + (i % 250) + "." + ((visitor >> 8) & 255) + "." + (visitor & 255);
    await once(address);
  }
};
Promise.all(Array.from({ length: plan.clients }, (_, i) => client(i))).then(() => { agent.destroy(); parentPort.postMessage(samples); });
`;

/** Runs the plan's clients until its time is up (each finishes the request in flight) and returns every sample. */
export function runChatLoadClients(plan: LoadPlan): Promise<LoadSample[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENTS_JS, { eval: true, workerData: plan });
    worker.once("message", (samples: LoadSample[]) => {
      resolve(samples);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
