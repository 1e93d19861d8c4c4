/**
 * The GraphQL enums tool arguments take, as value lists for z.enum. Each list is checked at compile
 * time against the generated client type (clients/generated), so a schema change that adds or removes a
 * value fails `tsc` until the list follows.
 */
import { z } from "zod";
import type { CallType, ObjectionResolution, ObjectionType, PeriodPreset, Product, RepRole } from "../../../clients/execute";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const exactly = <T>() => <const L extends readonly T[]>(list: L & (Same<L[number], T> extends true ? unknown : never)): L => list;

export const CALL_TYPES = exactly<CallType>()(["DISCOVERY", "DEMO", "TECHNICAL_DEEP_DIVE", "NEGOTIATION", "RENEWAL", "QBR", "ONBOARDING", "OTHER"]);
export const PRODUCTS = exactly<Product>()(["PREFECT", "HORIZON", "BOTH", "UNKNOWN"]);
export const REP_ROLES = exactly<RepRole>()(["AE", "SE", "CSM", "OTHER"]);
export const OBJECTION_TYPES = exactly<ObjectionType>()(["PRICING", "TIMING", "COMPETITION", "SECURITY", "TECHNICAL_FIT", "AUTHORITY", "NEED", "OTHER"]);
export const OBJECTION_RESOLUTIONS = exactly<ObjectionResolution>()(["YES", "NO", "UNCLEAR"]);
export const PERIOD_PRESETS = exactly<PeriodPreset>()(["LAST_7_DAYS", "LAST_30_DAYS", "LAST_90_DAYS", "LAST_QUARTER", "CUSTOM"]);

/** A day, YYYY-MM-DD (GraphQL LocalDate). */
export const localDateArg = () =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date as YYYY-MM-DD, e.g. 2026-11-30");

/**
 * An instant (GraphQL DateTime): a full ISO-8601 date-time with Z or an offset, or a date alone, which
 * means midnight UTC of that day (see `toDateTime`).
 */
export const dateTimeArg = () =>
  z
    .string()
    .trim()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/,
      "use an ISO-8601 date-time with a zone, e.g. 2026-11-30T09:00:00Z, or a date alone (2026-11-30 = midnight UTC)",
    );

/** The GraphQL DateTime of a `dateTimeArg` value: a date alone becomes midnight UTC, seconds are added when left out. */
export function toDateTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return value.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+-])/, "$1:00$2");
}
