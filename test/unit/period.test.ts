/**
 * Periods and buckets of call dates in REVIEW_TZ: presets at their boundaries, the previous calendar
 * quarter, custom ranges, Monday weeks and months, and local midnights across the November 2026 DST
 * change in Los Angeles (Sunday 2026-11-01, 02:00 PDT → 01:00 PST). Also the gap and trend rules.
 */
import {
  addDays,
  addMonths,
  bucketOf,
  bucketStarts,
  Granularity,
  localDate,
  MAX_BUCKETS,
  PeriodPreset,
  resolvePeriod,
  weekStart,
  zonedMidnight,
} from "../../src/modules/insights/period";
import { gapPriority, GapPriority, slope, TrendDirection, weeklyDirection } from "../../src/modules/insights/insights-math";
import { InteractionMetric, targetFor, targetStatus, TargetStatus } from "../../src/modules/insights/targets";
import { CallType } from "../../src/modules/calls/call.enums";
import { DomainError } from "../../src/core/errors";

const LA = "America/Los_Angeles";

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.reason : `not a domain error: ${String(e)}`;
  }
  return undefined;
}

describe("local dates", () => {
  it("does calendar arithmetic on YYYY-MM-DD", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addMonths("2026-11-01", 2)).toBe("2027-01-01");
    expect(addMonths("2026-01-01", -3)).toBe("2025-10-01");
    expect(reason(() => addDays("2026-02-30", 1))).toBe("INVALID_DATE");
  });

  it("starts weeks on Monday and months on the 1st", () => {
    expect(weekStart("2026-11-01")).toBe("2026-10-26"); // a Sunday belongs to the week before
    expect(weekStart("2026-11-02")).toBe("2026-11-02");
    expect(weekStart("2026-11-08")).toBe("2026-11-02");
    expect(bucketOf("2026-11-30", Granularity.MONTH)).toBe("2026-11-01");
    expect(bucketStarts("2026-11-01", "2026-11-15", Granularity.WEEK)).toEqual(["2026-10-26", "2026-11-02", "2026-11-09"]);
    expect(bucketStarts("2026-10-31", "2027-01-01", Granularity.MONTH)).toEqual(["2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01"]);
    expect(reason(() => bucketStarts("2020-01-01", "2026-01-01", Granularity.WEEK))).toBe("RANGE_TOO_LONG");
    expect(bucketStarts("2010-01-01", "2026-12-31", Granularity.MONTH).length).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it("reads an instant's date in the zone: 23:30 local is still that day", () => {
    expect(localDate(new Date("2026-12-01T07:30:00Z"), LA)).toBe("2026-11-30"); // 23:30 PST
    expect(localDate(new Date("2026-12-01T08:30:00Z"), LA)).toBe("2026-12-01"); // 00:30 PST
    expect(localDate(new Date("2026-10-26T06:30:00Z"), LA)).toBe("2026-10-25"); // 23:30 PDT
  });

  it("finds local midnight on both sides of the DST change", () => {
    expect(zonedMidnight("2026-10-26", LA).toISOString()).toBe("2026-10-26T07:00:00.000Z"); // PDT
    expect(zonedMidnight("2026-11-01", LA).toISOString()).toBe("2026-11-01T07:00:00.000Z"); // still PDT at midnight
    expect(zonedMidnight("2026-11-02", LA).toISOString()).toBe("2026-11-02T08:00:00.000Z"); // PST
    expect(zonedMidnight("2026-03-08", LA).toISOString()).toBe("2026-03-08T08:00:00.000Z"); // spring forward day
    expect(zonedMidnight("2026-03-09", LA).toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(zonedMidnight("2026-11-02", "UTC").toISOString()).toBe("2026-11-02T00:00:00.000Z");
    expect(zonedMidnight("2026-11-02", "Asia/Kolkata").toISOString()).toBe("2026-11-01T18:30:00.000Z");
    // The DST week (Mon 26 Oct – Sun 1 Nov) is 7 days and 1 hour long in instants.
    const len = zonedMidnight("2026-11-02", LA).getTime() - zonedMidnight("2026-10-26", LA).getTime();
    expect(len).toBe(7 * 86_400_000 + 3_600_000);
  });
});

describe("periods", () => {
  const asOf = "2026-11-30";
  it("counts presets back from asOf, both ends included", () => {
    expect(resolvePeriod({ preset: PeriodPreset.LAST_7_DAYS, asOf }, LA)).toEqual({ preset: "LAST_7_DAYS", from: "2026-11-24", to: "2026-11-30", days: 7 });
    expect(resolvePeriod({ preset: PeriodPreset.LAST_30_DAYS, asOf }, LA)).toMatchObject({ from: "2026-11-01", to: "2026-11-30", days: 30 });
    expect(resolvePeriod({ preset: PeriodPreset.LAST_90_DAYS, asOf }, LA)).toMatchObject({ from: "2026-09-02", to: "2026-11-30", days: 90 });
  });

  it("takes today in REVIEW_TZ when asOf is omitted", () => {
    // 2026-12-01T07:30Z is 23:30 on Nov 30 in Los Angeles but already Dec 1 in UTC.
    const now = new Date("2026-12-01T07:30:00Z");
    expect(resolvePeriod({ preset: PeriodPreset.LAST_7_DAYS }, LA, now)).toMatchObject({ from: "2026-11-24", to: "2026-11-30" });
    expect(resolvePeriod({ preset: PeriodPreset.LAST_7_DAYS }, "UTC", now)).toMatchObject({ from: "2026-11-25", to: "2026-12-01" });
  });

  it("takes the previous calendar quarter for LAST_QUARTER", () => {
    expect(resolvePeriod({ preset: PeriodPreset.LAST_QUARTER, asOf: "2026-11-15" }, LA)).toMatchObject({ from: "2026-07-01", to: "2026-09-30", days: 92 });
    expect(resolvePeriod({ preset: PeriodPreset.LAST_QUARTER, asOf: "2027-01-01" }, LA)).toMatchObject({ from: "2026-10-01", to: "2026-12-31", days: 92 });
    expect(resolvePeriod({ preset: PeriodPreset.LAST_QUARTER, asOf: "2026-03-31" }, LA)).toMatchObject({ from: "2025-10-01", to: "2025-12-31" });
    expect(resolvePeriod({ preset: PeriodPreset.LAST_QUARTER, asOf: "2026-04-01" }, LA)).toMatchObject({ from: "2026-01-01", to: "2026-03-31", days: 90 });
  });

  it("checks CUSTOM ranges and misplaced fields", () => {
    expect(resolvePeriod({ preset: PeriodPreset.CUSTOM, from: "2026-11-01", to: "2026-11-01" }, LA)).toMatchObject({ days: 1 });
    expect(reason(() => resolvePeriod({ preset: PeriodPreset.CUSTOM, from: "2026-11-01" }, LA))).toBe("INVALID_PERIOD");
    expect(reason(() => resolvePeriod({ preset: PeriodPreset.CUSTOM, from: "2026-11-02", to: "2026-11-01" }, LA))).toBe("INVALID_PERIOD");
    expect(reason(() => resolvePeriod({ preset: PeriodPreset.CUSTOM, from: "2020-01-01", to: "2026-01-01" }, LA))).toBe("INVALID_PERIOD");
    expect(reason(() => resolvePeriod({ preset: PeriodPreset.CUSTOM, from: "2026-11-01", to: "2026-11-02", asOf }, LA))).toBe("INVALID_PERIOD");
    expect(reason(() => resolvePeriod({ preset: PeriodPreset.LAST_7_DAYS, from: "2026-11-01" }, LA))).toBe("INVALID_PERIOD");
  });
});

describe("gaps, trends and targets", () => {
  it("ranks gaps by the documented thresholds", () => {
    expect(gapPriority(70, -10)).toBe(GapPriority.HIGH);
    expect(gapPriority(70, -9.99)).toBe(GapPriority.MEDIUM);
    expect(gapPriority(70, -5)).toBe(GapPriority.MEDIUM);
    expect(gapPriority(70, -4.99)).toBe(GapPriority.LOW);
    expect(gapPriority(59.9, 3)).toBe(GapPriority.HIGH); // below 60 whatever the team does
    expect(gapPriority(60, 0)).toBe(GapPriority.LOW);
  });

  it("fits a least-squares slope over the weeks with scores", () => {
    expect(slope([{ x: 0, y: 80 }, { x: 1, y: 80 }, { x: 2, y: 70 }, { x: 3, y: 60 }, { x: 4, y: 50 }])).toBeCloseTo(-8, 10);
    expect(weeklyDirection([{ average: 50 }, { average: null }, { average: 70 }, { average: 80 }])).toEqual({
      slopePerWeek: expect.closeTo(10, 10), // x keeps the empty week: (0, 50), (2, 70), (3, 80)
      direction: TrendDirection.IMPROVING,
    });
    expect(weeklyDirection([{ average: 50 }, { average: 50.5 }, { average: 51 }]).direction).toBe(TrendDirection.STEADY);
    expect(weeklyDirection([{ average: 50 }, { average: 49 }, { average: 48 }]).direction).toBe(TrendDirection.DECLINING);
    expect(weeklyDirection([{ average: 50 }, { average: null }, { average: 90 }])).toEqual({ slopePerWeek: null, direction: TrendDirection.INSUFFICIENT_DATA });
  });

  it("puts targets by call type in one place", () => {
    expect(targetFor(InteractionMetric.TALK_RATIO, CallType.DISCOVERY)).toMatchObject({ ideal: 0.3, min: 0.23, max: 0.37 });
    expect(targetFor(InteractionMetric.TALK_RATIO, CallType.DEMO)).toMatchObject({ ideal: 0.5 });
    expect(targetFor(InteractionMetric.TALK_RATIO, CallType.NEGOTIATION)).toMatchObject({ ideal: 0.4 });
    expect(targetFor(InteractionMetric.QUESTIONS, CallType.DISCOVERY)).toMatchObject({ min: 11, max: 14 });
    expect(targetFor(InteractionMetric.QUESTIONS, CallType.DEMO)).toBeNull();
    expect(targetFor(InteractionMetric.LONGEST_MONOLOGUE, CallType.DEMO)).toMatchObject({ min: null, max: 120_000 });
    expect(targetStatus(0.37, targetFor(InteractionMetric.TALK_RATIO, CallType.DISCOVERY))).toBe(TargetStatus.ON_TARGET);
    expect(targetStatus(0.38, targetFor(InteractionMetric.TALK_RATIO, CallType.DISCOVERY))).toBe(TargetStatus.ABOVE);
    expect(targetStatus(4, null)).toBe(TargetStatus.NO_TARGET);
    expect(targetStatus(null, null)).toBe(TargetStatus.NO_DATA);
  });
});
