/**
 * The webhook benchmark's load generator in a worker thread (BENCH_WEBHOOK_CLIENT=worker): runs
 * `runDeliveries` on the deliveries it is given and posts "timed" when the timed part starts, then
 * the result. See `runDeliveriesInWorker`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runDeliveries, type Delivery } from "./webhook-load";

const { url, deliveries, concurrency, warmup, timeoutMs } = workerData as {
  url: string;
  deliveries: (Omit<Delivery, "body"> & { body: Uint8Array })[];
  concurrency: number;
  warmup: number;
  timeoutMs: number;
};
// Structured cloning turns Buffers into Uint8Arrays.
const restored: Delivery[] = deliveries.map((d) => ({ ...d, body: Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength) }));
void runDeliveries(url, restored, concurrency, warmup, timeoutMs, () => parentPort!.postMessage({ type: "timed" })).then((result) =>
  parentPort!.postMessage({ type: "done", result }),
);
