/**
 * When the weekly review runs and which week it covers. REVIEW_CRON (default Monday 06:00) is read in
 * REVIEW_TZ (default America/Los_Angeles), so it fires at 06:00 local time whether that is 14:00 or
 * 13:00 UTC. A week is Monday 00:00 to the next Monday 00:00 in REVIEW_TZ — 167 or 169 hours long
 * across a daylight-saving change. The calendar arithmetic is the insights module's (period.ts);
 * cron-parser computes fire times, so the schedule is tested without waiting on the scheduler.
 */
import cronParser from "cron-parser";
import { addDays, localDate, weekStart, zonedMidnight } from "../insights/period";

/** The next `n` fire times of `cron` in `tz` after `from`. */
export function nextReviewRuns(cron: string, tz: string, from: Date, n = 1): Date[] {
  const it = cronParser.parseExpression(cron, { tz, currentDate: from });
  return Array.from({ length: n }, () => it.next().toDate());
}

/** Monday (YYYY-MM-DD) of the week that contains `at`, in `tz`. */
export const weekStartOf = (at: Date, tz: string): string => weekStart(localDate(at, tz));

/** Monday of the week before the one containing `at`: what a review firing at `at` reports on. */
export const previousWeekStart = (at: Date, tz: string): string => addDays(weekStartOf(at, tz), -7);

/** [from, to) of the week starting on `monday` in `tz`. */
export function weekRange(monday: string, tz: string): { from: Date; to: Date } {
  return { from: zonedMidnight(monday, tz), to: zonedMidnight(addDays(monday, 7), tz) };
}

/** Normalises any day of a week (YYYY-MM-DD) to that week's Monday; a non-date throws BAD_USER_INPUT. */
export const mondayOf = (day: string): string => weekStart(day);

export { zonedMidnight };
