import { mondayOf, nextReviewRuns, previousWeekStart, weekRange, weekStartOf, zonedMidnight } from "../../src/modules/reports/review-schedule";

const LA = "America/Los_Angeles";

describe("weekly review schedule (REVIEW_CRON in REVIEW_TZ)", () => {
  it("fires Monday 06:00 Los Angeles time on both sides of the November DST change", () => {
    const runs = nextReviewRuns("0 6 * * 1", LA, new Date("2026-10-20T00:00:00Z"), 3);
    expect(runs.map((d) => d.toISOString())).toEqual([
      "2026-10-26T13:00:00.000Z", // PDT (UTC−7)
      "2026-11-02T14:00:00.000Z", // PST (UTC−8) after Nov 1
      "2026-11-09T14:00:00.000Z",
    ]);
  });

  it("fires at 06:00 local across the March change too", () => {
    // US clocks go forward on Sunday 2027-03-14.
    const runs = nextReviewRuns("0 6 * * 1", LA, new Date("2027-03-01T00:00:00Z"), 3);
    expect(runs.map((d) => d.toISOString())).toEqual(["2027-03-01T14:00:00.000Z", "2027-03-08T14:00:00.000Z", "2027-03-15T13:00:00.000Z"]);
  });

  it("reviews the previous week", () => {
    expect(previousWeekStart(new Date("2026-11-02T14:00:00Z"), LA)).toBe("2026-10-26");
    // Sunday 23:30 local is still the same week.
    expect(weekStartOf(new Date("2026-11-09T07:30:00Z"), LA)).toBe("2026-11-02");
  });

  it("gives weeks of 169 and 167 hours across DST changes, from local midnight to local midnight", () => {
    const nov = weekRange("2026-10-26", LA);
    expect(nov.from.toISOString()).toBe("2026-10-26T07:00:00.000Z");
    expect(nov.to.toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect((+nov.to - +nov.from) / 3_600_000).toBe(169);
    const mar = weekRange("2027-03-08", LA);
    expect((+mar.to - +mar.from) / 3_600_000).toBe(167);
    expect((+weekRange("2027-03-01", LA).to - +weekRange("2027-03-01", LA).from) / 3_600_000).toBe(168);
    // Berlin changes on Sunday 2027-03-28.
    const spring = weekRange("2027-03-08", "Europe/Berlin");
    expect(spring.from.toISOString()).toBe("2027-03-07T23:00:00.000Z");
    expect((+weekRange("2027-03-22", "Europe/Berlin").to - +weekRange("2027-03-22", "Europe/Berlin").from) / 3_600_000).toBe(167);
  });

  it("normalises any day to its Monday and rejects non-dates", () => {
    expect(mondayOf("2026-11-05")).toBe("2026-11-02");
    expect(mondayOf("2026-11-02")).toBe("2026-11-02");
    expect(mondayOf("2026-11-08")).toBe("2026-11-02");
    expect(() => mondayOf("next week")).toThrow(/not a date/);
    expect(() => mondayOf("2026-02-30")).toThrow(/not a date/);
    expect(zonedMidnight("2026-11-01", LA).toISOString()).toBe("2026-11-01T07:00:00.000Z");
  });
});
