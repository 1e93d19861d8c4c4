/**
 * The simulator's dataset: the six demo calls of src/demo/demo-calls.ts (verbatim) plus `calls`
 * generated calls, all derived from the seed, and the org's users. Calls are kept in the order
 * Gong lists them (by the time its date filters use, then id).
 */
import { DEMO_CALLS } from "../../demo/demo-calls";
import { CallGenerator, DEFAULT_WORKSPACE_ID, type SimCall } from "./generate-call";
import { Prng } from "./prng";
import { buildUsers, type SimUser } from "./users";

export interface CallQuery {
  fromMs?: number;
  toMs?: number;
  callIds?: string[];
  primaryUserIds?: string[];
  workspaceId?: string;
}

/**
 * The time Gong's date filters compare: the scheduled time for web conferences, the actual start
 * for other calls (Gong's OpenAPI, `fromDateTime`).
 */
export function filterTime(call: SimCall): number {
  const meta = call.call.metaData;
  const scheduled = typeof meta.scheduled === "string" ? Date.parse(meta.scheduled) : NaN;
  if (meta.direction === "Conference" && Number.isFinite(scheduled)) return scheduled;
  return Date.parse(String(meta.started));
}

export class Dataset {
  readonly users: SimUser[];
  private readonly calls: SimCall[] = [];
  private readonly byId = new Map<string, SimCall>();
  private readonly generator: CallGenerator;
  private added = 0;

  constructor(
    private readonly seed: number,
    generatedCalls: number,
  ) {
    this.users = buildUsers(new Prng(seed, "users"));
    const used = new Set<string>(this.users.flatMap((u) => [u.id, u.speakerId]));
    for (const demo of DEMO_CALLS) {
      const sim = structuredClone({ call: demo.call, transcript: demo.transcript }) as SimCall;
      const parties = (sim.call.parties as { id?: string; speakerId?: string }[] | undefined) ?? [];
      for (const p of parties) for (const id of [p.id, p.speakerId]) if (id) used.add(id);
      this.insert(sim);
    }
    this.generator = new CallGenerator(this.users, used);
    const rng = new Prng(seed, "dataset");
    const longIndex = generatedCalls >= 10 ? rng.int(0, generatedCalls - 1) : -1;
    for (let i = 0; i < generatedCalls; i++) {
      this.insert(this.generator.generate(new Prng(seed, `call:${i}`), { long: i === longIndex, unattributed: i === 0 || i === longIndex }));
    }
  }

  private insert(sim: SimCall): void {
    const id = String(sim.call.metaData.id);
    if (this.byId.has(id)) throw new Error(`duplicate call id ${id}`);
    this.byId.set(id, sim);
    const t = filterTime(sim);
    let i = this.calls.length;
    while (i > 0) {
      const prev = this.calls[i - 1];
      const pt = filterTime(prev);
      if (pt < t || (pt === t && String(prev.call.metaData.id) < id)) break;
      i--;
    }
    this.calls.splice(i, 0, sim);
  }

  /** Adds a generated call (with transcript); deterministic for the seed and the number of calls added so far. */
  addCall(opts: { started?: string; durationSec?: number } = {}): string {
    const sim = this.generator.generate(new Prng(this.seed, `added:${this.added++}`), opts);
    this.insert(sim);
    return String(sim.call.metaData.id);
  }

  get(id: string): SimCall | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return this.calls.map((c) => String(c.call.metaData.id));
  }

  /** Calls matching a filter, in Gong's order. `fromMs` inclusive, `toMs` exclusive. */
  query(q: CallQuery): SimCall[] {
    const ids = q.callIds ? new Set(q.callIds) : undefined;
    const hosts = q.primaryUserIds ? new Set(q.primaryUserIds) : undefined;
    return this.calls.filter((c) => {
      const meta = c.call.metaData;
      const t = filterTime(c);
      if (q.fromMs !== undefined && t < q.fromMs) return false;
      if (q.toMs !== undefined && t >= q.toMs) return false;
      if (ids && !ids.has(String(meta.id))) return false;
      if (hosts && !hosts.has(String(meta.primaryUserId))) return false;
      if (q.workspaceId !== undefined && (meta.workspaceId ?? DEFAULT_WORKSPACE_ID) !== q.workspaceId) return false;
      return true;
    });
  }
}
