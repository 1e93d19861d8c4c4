/** Time helpers of the simulator: Gong-style ISO timestamps with local offsets. */

/** "Now" of the simulated world: generated calls fall in the 60 days before it. */
export const REFERENCE_DATE = "2026-11-20T12:00:00-08:00";
export const REFERENCE_MS = Date.parse(REFERENCE_DATE);

const ISO_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 timestamp with `Z` or `±hh:mm` (what Gong accepts); undefined when invalid. */
export function parseIsoWithOffset(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = ISO_INPUT.exec(value);
  if (!m) return undefined;
  const [, , mo, d, h, mi, s] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || (s !== undefined && +s > 59)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at `utcMs`, in minutes (e.g. -420 for PDT). */
export function offsetMinutes(timeZone: string, utcMs: number): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(utcMs)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * Formats `utcMs` as local time in `timeZone` with its offset, e.g. 2026-10-20T10:01:47.041977-07:00.
 * `micros` (0–999999) adds Gong's microsecond fraction; omitted for whole seconds.
 */
export function formatLocal(utcMs: number, timeZone: string, micros?: number): string {
  const off = offsetMinutes(timeZone, utcMs);
  const local = new Date(utcMs + off * 60_000);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  const frac = micros === undefined ? "" : `.${pad(micros, 6)}`;
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${frac}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** UTC ms of a wall-clock time in `timeZone` (the date given as a UTC-midnight ms of that local day). */
export function wallToUtc(localDayUtcMidnight: number, hour: number, minute: number, timeZone: string): number {
  const wall = localDayUtcMidnight + (hour * 60 + minute) * 60_000;
  let utc = wall - offsetMinutes(timeZone, wall) * 60_000;
  utc = wall - offsetMinutes(timeZone, utc) * 60_000;
  return utc;
}

/** The local calendar day of `utcMs` in `timeZone`, as UTC-midnight ms, and its weekday (0 = Sunday). */
export function localDay(utcMs: number, timeZone: string): { dayMs: number; weekday: number } {
  const local = new Date(utcMs + offsetMinutes(timeZone, utcMs) * 60_000);
  const dayMs = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return { dayMs, weekday: new Date(dayMs).getUTCDay() };
}
