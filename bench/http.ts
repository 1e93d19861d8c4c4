/**
 * GraphQL over HTTP for the benchmarks (Node's global fetch, keep-alive) and a small load runner:
 * sequential requests, and a fixed-concurrency run for a fixed duration.
 */
import { performance } from "node:perf_hooks";

export interface GqlResult {
  status: number;
  /** Size of the response body in bytes. */
  bytes: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface GqlRequest {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
}

export async function gql(req: GqlRequest): Promise<GqlResult> {
  const res = await fetch(req.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
    },
    body: JSON.stringify({ query: req.query, variables: req.variables }),
  });
  const text = await res.text();
  let body: { data?: Record<string, any> | null; errors?: GqlResult["errors"] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `non-JSON response (HTTP ${res.status}): ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, bytes: Buffer.byteLength(text), data: body.data, errors: body.errors };
}

/** Throws unless the answer is HTTP 200 without GraphQL errors. */
export async function gqlOk(req: GqlRequest): Promise<Record<string, any>> {
  const r = await gql(req);
  if (r.status !== 200 || r.errors?.length || !r.data) {
    throw new Error(`GraphQL request failed (HTTP ${r.status}): ${r.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
  }
  return r.data;
}

export interface LoadStats {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

function stats(latencies: number[], seconds: number): LoadStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

async function timed(req: GqlRequest): Promise<number> {
  const t0 = performance.now();
  await gqlOk(req);
  return performance.now() - t0;
}

/** `count` requests one after another. */
export async function runSequential(req: GqlRequest, count: number): Promise<LoadStats> {
  const latencies: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) latencies.push(await timed(req));
  return stats(latencies, (performance.now() - t0) / 1000);
}

/** `concurrency` workers, each sending its next request when the previous answered, for `seconds`. */
export async function runConcurrent(req: GqlRequest, concurrency: number, seconds: number): Promise<LoadStats> {
  const latencies: number[] = [];
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) latencies.push(await timed(req));
    }),
  );
  return stats(latencies, (performance.now() - t0) / 1000);
}
