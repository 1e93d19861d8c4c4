/**
 * The fake Messages API (test/support/fake-anthropic, answers from analysis-answer.ts) in a worker
 * thread, so its own CPU — parsing ~90 KB request bodies, hashing prompt blocks for the cache,
 * building answers, ≈ 5 ms per request — does not sit on the event loop of the SDK client under
 * test, as a remote API's would not. The main thread drives it through a few commands.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { startFakeAnthropic } from "../test/support/fake-anthropic";
import { benchAnswer } from "./analysis-answer";

type Op = "clearCache" | "setLatency" | "reset" | "counts" | "lastBodies" | "close";

export interface FakeInWorker {
  /** Base URL without /v1. */
  url: string;
  clearCache(): Promise<void>;
  setLatency(ms: number): Promise<void>;
  /** Forgets requests and cache entries; restores the initial latency. */
  reset(): Promise<void>;
  /** POST /v1/messages requests and all requests received so far. */
  counts(): Promise<{ messages: number; all: number }>;
  /** Bodies of the last `n` POST /v1/messages requests. */
  lastBodies(n: number): Promise<any[]>;
  close(): Promise<void>;
}

const ROLE = "bench-fake-anthropic";

if (!isMainThread && workerData?.role === ROLE) {
  const port = parentPort!;
  void startFakeAnthropic({ latencyMs: workerData.latencyMs, answer: benchAnswer }).then((fake) => {
    port.on("message", async (m: { id: number; op: Op; arg?: number }) => {
      let value: unknown = null;
      if (m.op === "clearCache") fake.clearCache();
      if (m.op === "setLatency") fake.setLatency(m.arg!);
      if (m.op === "reset") fake.reset();
      if (m.op === "counts") value = { messages: fake.messageRequests().length, all: fake.requests.length };
      if (m.op === "lastBodies") value = fake.messageRequests().slice(-m.arg!).map((r) => r.body);
      if (m.op === "close") await fake.close();
      port.postMessage({ id: m.id, value });
    });
    port.postMessage({ id: 0, value: fake.url });
  });
}

/** Starts the fake in a worker thread; resolves once it listens. */
export async function startFakeInWorker(latencyMs: number): Promise<FakeInWorker> {
  const worker = new Worker(__filename, { workerData: { role: ROLE, latencyMs } });
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  let next = 1;
  const ready = new Promise<string>((resolve, reject) => pending.set(0, { resolve, reject }));
  worker.on("message", (m: { id: number; value: unknown }) => {
    pending.get(m.id)?.resolve(m.value);
    pending.delete(m.id);
  });
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`the fake Anthropic worker exited (code ${code})`)));
  const call = <T>(op: Op, arg?: number) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, arg });
    });
  const url = await ready;
  let closing: Promise<void> | undefined;
  return {
    url,
    clearCache: () => call("clearCache"),
    setLatency: (ms) => call("setLatency", ms),
    reset: () => call("reset"),
    counts: () => call("counts"),
    lastBodies: (n) => call("lastBodies", n),
    close() {
      closing ??= call<void>("close").finally(() => worker.terminate().then(() => undefined));
      return closing;
    },
  };
}
