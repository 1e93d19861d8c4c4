/**
 * Periods and buckets of call dates in REVIEW_TZ. Pure: days are `YYYY-MM-DD` strings (a local date
 * has no time and no zone), so day arithmetic is calendar arithmetic and never trips over a
 * daylight-saving change; only `zonedMidnight` turns a local date into an instant.
 *
 * - LAST_7_DAYS / LAST_30_DAYS / LAST_90_DAYS: that many local days ending with `asOf` (default today),
 *   both ends included.
 * - LAST_QUARTER: the calendar quarter before the one `asOf` falls in (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).
 * - CUSTOM: `from` to `to`, both local dates included.
 * Weeks start on Monday; months on the 1st.
 */
import { BadInputError } from "../../core/errors";

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

export enum PeriodPreset {
  LAST_7_DAYS = "LAST_7_DAYS",
  LAST_30_DAYS = "LAST_30_DAYS",
  LAST_90_DAYS = "LAST_90_DAYS",
  LAST_QUARTER = "LAST_QUARTER",
  CUSTOM = "CUSTOM",
}

export enum Granularity {
  WEEK = "WEEK",
  MONTH = "MONTH",
}

/** Longest period repInsights accepts (days). */
export const MAX_PERIOD_DAYS = 731;
/** Most buckets one trends series may have. */
export const MAX_BUCKETS = 260;

const PRESET_DAYS: Partial<Record<PeriodPreset, number>> = {
  [PeriodPreset.LAST_7_DAYS]: 7,
  [PeriodPreset.LAST_30_DAYS]: 30,
  [PeriodPreset.LAST_90_DAYS]: 90,
};

export interface PeriodRequest {
  preset: PeriodPreset;
  from?: LocalDate | null;
  to?: LocalDate | null;
  asOf?: LocalDate | null;
}

export interface ResolvedPeriod {
  preset: PeriodPreset;
  /** First day, included. */
  from: LocalDate;
  /** Last day, included. */
  to: LocalDate;
  /** Number of days from `from` to `to`, both included. */
  days: number;
}

const DAY_MS = 86_400_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date (validated). */
function dayNumber(d: LocalDate): number {
  const m = LOCAL_DATE_RE.exec(d);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== d) {
    throw new BadInputError("INVALID_DATE", `"${d}" is not a date (YYYY-MM-DD).`);
  }
  return ms / DAY_MS;
}

const fromDayNumber = (n: number): LocalDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (d: LocalDate, n: number): LocalDate => fromDayNumber(dayNumber(d) + n);

/** `b − a` in days. */
export const daysBetween = (a: LocalDate, b: LocalDate): number => dayNumber(b) - dayNumber(a);

/** The Monday of the week `d` falls in. */
export function weekStart(d: LocalDate): LocalDate {
  const n = dayNumber(d);
  const weekday = (new Date(n * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return fromDayNumber(n - weekday);
}

export const monthStart = (d: LocalDate): LocalDate => `${d.slice(0, 7)}-01`;

export function addMonths(d: LocalDate, n: number): LocalDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  return new Date(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, 1)).toISOString().slice(0, 10);
}

/** The bucket (week or month) a day falls in, named by its first day. */
export const bucketOf = (d: LocalDate, g: Granularity): LocalDate => (g === Granularity.WEEK ? weekStart(d) : monthStart(d));

/** Every bucket overlapping [from, to], oldest first (the first may start before `from`). */
export function bucketStarts(from: LocalDate, to: LocalDate, g: Granularity): LocalDate[] {
  const out: LocalDate[] = [];
  const last = bucketOf(to, g);
  for (let b = bucketOf(from, g); b <= last; b = g === Granularity.WEEK ? addDays(b, 7) : addMonths(b, 1)) {
    out.push(b);
    if (out.length > MAX_BUCKETS) {
      throw new BadInputError("RANGE_TOO_LONG", `${from} to ${to} has more than ${MAX_BUCKETS} ${g === Granularity.WEEK ? "weeks" : "months"}; ask for a shorter range or coarser buckets.`);
    }
  }
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string): { date: LocalDate; ms: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const ms = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { date, ms };
}

/** The local date of an instant in `timeZone`. */
export const localDate = (instant: Date, timeZone: string): LocalDate => wallClock(instant, timeZone).date;

const midnights = new Map<string, number>();
const MAX_MEMO = 50_000;

/** The instant local midnight starts `d` in `timeZone` (the first instant of that day, also on DST days). */
export function zonedMidnight(d: LocalDate, timeZone: string): Date {
  // Series ask for the same bucket starts over and over (one per rep); Intl formatting is the cost.
  const key = `${timeZone}|${d}`;
  let t = midnights.get(key);
  if (t === undefined) {
    if (midnights.size >= MAX_MEMO) midnights.clear();
    t = computeMidnight(d, timeZone);
    midnights.set(key, t);
  }
  return new Date(t);
}

function computeMidnight(d: LocalDate, timeZone: string): number {
  const wall = dayNumber(d) * DAY_MS;
  // The offset at a guess, then at the corrected guess: two steps settle every real zone.
  let t = wall;
  for (let i = 0; i < 3; i++) {
    const offset = wallClock(new Date(t), timeZone).ms - t;
    const next = wall - offset;
    if (next === t) break;
    t = next;
  }
  // A zone that skips midnight (a DST jump at 00:00) starts the day at the first instant after the gap.
  while (wallClock(new Date(t), timeZone).date < d) t += 15 * 60_000;
  while (wallClock(new Date(t - 1), timeZone).date === d) t -= 15 * 60_000;
  return t;
}

/** Resolves a period request against today (or `asOf`) in `timeZone`. */
export function resolvePeriod(req: PeriodRequest, timeZone: string, now: Date = new Date()): ResolvedPeriod {
  let from: LocalDate;
  let to: LocalDate;
  if (req.preset === PeriodPreset.CUSTOM) {
    if (!req.from || !req.to) throw new BadInputError("INVALID_PERIOD", "A CUSTOM period needs `from` and `to`.");
    if (req.asOf) throw new BadInputError("INVALID_PERIOD", "`asOf` applies to the presets, not to a CUSTOM period.");
    from = req.from;
    to = req.to;
  } else {
    if (req.from || req.to) throw new BadInputError("INVALID_PERIOD", `\`from\` and \`to\` apply to CUSTOM periods only, not to ${req.preset}.`);
    const asOf = req.asOf ?? localDate(now, timeZone);
    dayNumber(asOf);
    if (req.preset === PeriodPreset.LAST_QUARTER) {
      const thisQuarter = `${asOf.slice(0, 4)}-${String(Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
      from = addMonths(thisQuarter, -3);
      to = addDays(thisQuarter, -1);
    } else {
      to = asOf;
      from = addDays(asOf, -(PRESET_DAYS[req.preset]! - 1));
    }
  }
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new BadInputError("INVALID_PERIOD", `\`from\` (${from}) is after \`to\` (${to}).`);
  if (days > MAX_PERIOD_DAYS) throw new BadInputError("INVALID_PERIOD", `The period has ${days} days; at most ${MAX_PERIOD_DAYS} are allowed.`);
  return { preset: req.preset, from, to, days };
}

/** Validates an inclusive range of local dates (trends). */
export function checkRange(from: LocalDate, to: LocalDate): void {
  if (daysBetween(from, to) < 0) throw new BadInputError("INVALID_RANGE", `\`from\` (${from}) is after \`to\` (${to}).`);
}
