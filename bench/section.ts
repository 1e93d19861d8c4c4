/**
 * What run.ts hands the webhook, queue and backfill sections: output, progress, cleanup
 * registration, a temp dir and the PostgreSQL server to use (if any); plus formatting helpers.
 */

export interface SectionContext {
  /** Temporary directory removed at exit. */
  tmp: string;
  /** A result line on stdout. */
  out(line?: string): void;
  /** A progress line on stderr. */
  progress(line: string): void;
  /** Registers a cleanup step (run last-in first-out, also on SIGINT/SIGTERM and errors). */
  onCleanup(name: string, fn: () => Promise<void> | void): void;
  /** Admin URL of the PostgreSQL server to create scratch databases on, or null. */
  pgAdminUrl: string | null;
  /** Why PostgreSQL is not used (when pgAdminUrl is null). */
  pgSkipReason: string | null;
}

export const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "–");
export const pad = (s: string | number, w: number) => String(s).padStart(w);
export const padEnd = (s: string | number, w: number) => String(s).padEnd(w);
/** 6550 → "6 550" (the docs' thousands separator). */
export const int = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString("en-US").replace(/,/g, " ") : "–");
export const passFail = (ok: boolean) => (ok ? "PASS" : "FAIL");
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Deterministic PRNG (mulberry32) so spaced runs are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads `--name=value` as a positive integer (default when absent). */
export function intFlag(argv: string[], name: string, def: number): number {
  const arg = argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return def;
  const v = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer (got ${arg})`);
  return v;
}
