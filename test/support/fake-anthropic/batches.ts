/**
 * Message Batches (reference §8): create, retrieve, list, cancel, delete and JSONL results. A batch
 * stays in_progress until completeBatch() (or batchAutoCompleteMs); only then are its entries
 * answered, through the same engine and script queue as POST /v1/messages (non-streaming), and the
 * counts other than `processing` and `results_url` become non-null.
 */
import { ApiError, invalidRequest, newId, notFound } from "./errors";
import type { MessageEngine } from "./messages";
import type { BatchOutcome } from "./types";

interface BatchEntry {
  custom_id: string;
  params: any;
}

interface Batch {
  id: string;
  version: string;
  entries: BatchEntry[];
  status: "in_progress" | "canceling" | "ended";
  createdAt: number;
  endedAt?: number;
  cancelAt?: number;
  results?: { custom_id: string; result: any }[];
  completing?: Promise<void>;
}

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const DAY_MS = 24 * 3600 * 1000;
/** A canceled batch ends this soon after the cancel call (unprocessed entries become "canceled"). */
const CANCEL_SETTLE_MS = 20;

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export class BatchStore {
  private readonly batches = new Map<string, Batch>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly engine: MessageEngine,
    private readonly baseUrl: () => string,
    private readonly outcome: (customId: string) => BatchOutcome,
    private readonly autoCompleteMs?: number,
  ) {}

  create(body: any, version: string): any {
    const requests = body?.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw invalidRequest("requests: at least one request is required");
    if (requests.length > 100_000) throw invalidRequest("requests: at most 100000 requests are allowed");
    const seen = new Set<string>();
    for (const [i, r] of requests.entries()) {
      if (typeof r?.custom_id !== "string" || !CUSTOM_ID.test(r.custom_id)) throw invalidRequest(`requests.${i}.custom_id: must match ^[a-zA-Z0-9_-]{1,64}$`);
      if (seen.has(r.custom_id)) throw invalidRequest(`requests.${i}.custom_id: duplicate custom_id "${r.custom_id}"`);
      if (!r.params || typeof r.params !== "object") throw invalidRequest(`requests.${i}.params: Field required`);
      seen.add(r.custom_id);
    }
    const batch: Batch = {
      id: newId("msgbatch"),
      version,
      entries: requests.map((r: BatchEntry) => ({ custom_id: r.custom_id, params: r.params })),
      status: "in_progress",
      createdAt: Date.now(),
    };
    this.batches.set(batch.id, batch);
    if (this.autoCompleteMs !== undefined) this.later(this.autoCompleteMs, () => this.complete(batch.id));
    return this.view(batch);
  }

  retrieve(id: string): any {
    return this.view(this.get(id));
  }

  /** Newest first; `after_id` pages towards older batches, `before_id` towards newer ones. */
  list(query: URLSearchParams): any {
    const limit = Math.min(Math.max(Number(query.get("limit") ?? 20) || 20, 1), 1000);
    const all = [...this.batches.values()].reverse();
    const after = query.get("after_id");
    const before = query.get("before_id");
    let page: Batch[];
    let hasMore: boolean;
    if (before) {
      const older = all.findIndex((b) => b.id === before);
      const newer = older < 0 ? [] : all.slice(0, older);
      page = newer.slice(-limit);
      hasMore = newer.length > limit;
    } else {
      const start = after ? all.findIndex((b) => b.id === after) + 1 : 0;
      const rest = after && start === 0 ? [] : all.slice(start);
      page = rest.slice(0, limit);
      hasMore = rest.length > limit;
    }
    const data = page.map((b) => this.view(b));
    return { data, has_more: hasMore, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null };
  }

  cancel(id: string): any {
    const batch = this.get(id);
    if (batch.status === "in_progress") {
      batch.status = "canceling";
      batch.cancelAt = Date.now();
      this.later(CANCEL_SETTLE_MS, () => this.complete(batch.id));
    }
    return this.view(batch);
  }

  remove(id: string): any {
    const batch = this.get(id);
    if (batch.status !== "ended") throw invalidRequest(`Batch ${id} cannot be deleted while it is ${batch.status}; cancel it first`);
    this.batches.delete(id);
    return { id, type: "message_batch_deleted" };
  }

  /** JSONL, one result per line, no blank line; in reverse request order, since the API promises no order. */
  results(id: string): string {
    const batch = this.get(id);
    if (batch.status !== "ended" || !batch.results) throw notFound(`Results for batch ${id} are not available until it has ended`);
    return [...batch.results].reverse().map((r) => JSON.stringify(r)).join("\n") + "\n";
  }

  /** Ends the batch, answering each entry (or marking it canceled/errored/expired). Idempotent. */
  complete(id: string): Promise<void> {
    const batch = this.batches.get(id);
    if (!batch) return Promise.reject(new Error(`fake-anthropic: no batch ${id}`));
    if (batch.status === "ended") return Promise.resolve();
    batch.completing ??= this.process(batch);
    return batch.completing;
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.batches.clear();
  }

  private async process(batch: Batch): Promise<void> {
    const results: { custom_id: string; result: any }[] = [];
    for (const e of batch.entries) {
      const outcome = batch.status === "canceling" ? "canceled" : this.outcome(e.custom_id);
      results.push({ custom_id: e.custom_id, result: await this.resultFor(batch, e, outcome) });
    }
    batch.results = results;
    batch.status = "ended";
    batch.endedAt = Date.now();
  }

  private async resultFor(batch: Batch, e: BatchEntry, outcome: BatchOutcome): Promise<any> {
    if (outcome === "expired" || outcome === "canceled") return { type: outcome };
    if (outcome === "errored") return errored(invalidRequest(`The fake's batchOutcome marked request ${e.custom_id} as errored`));
    const prepared = await this.engine.prepare(e.params, batch.version, "batch", e.custom_id);
    if (prepared.kind === "error") return errored(prepared.error);
    if (prepared.kind === "drop") return errored(new ApiError(500, "api_error", "Internal server error"));
    prepared.plan.commit(); // a batch entry's response "begins" as it is processed
    return { type: "succeeded", message: prepared.message };
  }

  private get(id: string): Batch {
    const batch = this.batches.get(id);
    if (!batch) throw notFound(`message_batch: ${id} not found`);
    return batch;
  }

  private later(ms: number, fn: () => Promise<void>): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn().catch(() => undefined); // the batch may have been forgotten by reset()
    }, ms);
    this.timers.add(t);
  }

  private view(b: Batch): any {
    const counts = { processing: b.entries.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    if (b.status === "ended" && b.results) {
      counts.processing = 0;
      for (const r of b.results) counts[r.result.type as keyof typeof counts]++;
    }
    return {
      id: b.id,
      type: "message_batch",
      processing_status: b.status,
      request_counts: counts,
      created_at: iso(b.createdAt),
      expires_at: iso(b.createdAt + DAY_MS),
      ended_at: iso(b.endedAt),
      cancel_initiated_at: iso(b.cancelAt),
      archived_at: null,
      results_url: b.status === "ended" ? `${this.baseUrl()}/v1/messages/batches/${b.id}/results` : null,
    };
  }
}

function errored(e: ApiError): any {
  return { type: "errored", error: { type: "error", error: { type: e.type, message: e.message }, request_id: newId("req") } };
}
