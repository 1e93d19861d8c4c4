/**
 * The rules that turn averages into coaching signals (pure; constants documented in
 * docs/graphql-api.md):
 * - **Gap** = the rep's average − the same-role team's average, per dimension. Priority HIGH when the
 *   gap is ≤ −10 points or the rep's own average is below 60 (the "needs focus" band); MEDIUM when the
 *   gap is ≤ −5; LOW otherwise.
 * - **Direction** = the least-squares slope of the weekly averages (points per week, weeks without
 *   scores left out, x = weeks since the first week of the period). At least 3 weeks with scores are
 *   needed; a slope ≥ +1 point/week is IMPROVING, ≤ −1 DECLINING, anything between STEADY.
 */

export const HIGH_GAP_POINTS = -10;
export const MEDIUM_GAP_POINTS = -5;
/** Below this average a dimension is HIGH priority whatever the team does (score band "needs focus"). */
export const NEEDS_FOCUS_BELOW = 60;
export const MIN_TREND_WEEKS = 3;
/** Points per week. */
export const MIN_TREND_SLOPE = 1;

export enum GapPriority {
  HIGH = "HIGH",
  MEDIUM = "MEDIUM",
  LOW = "LOW",
}

export enum TrendDirection {
  IMPROVING = "IMPROVING",
  DECLINING = "DECLINING",
  STEADY = "STEADY",
  INSUFFICIENT_DATA = "INSUFFICIENT_DATA",
}

export function gapPriority(average: number, gap: number | null): GapPriority {
  if (average < NEEDS_FOCUS_BELOW || (gap !== null && gap <= HIGH_GAP_POINTS)) return GapPriority.HIGH;
  if (gap !== null && gap <= MEDIUM_GAP_POINTS) return GapPriority.MEDIUM;
  return GapPriority.LOW;
}

/** Least-squares slope of y over x; null with fewer than two distinct x. */
export function slope(points: { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** Slope and direction of a weekly series (`average` null = no scores that week). */
export function weeklyDirection(weekly: { average: number | null }[]): { slopePerWeek: number | null; direction: TrendDirection } {
  const points = weekly.flatMap((w, x) => (w.average === null ? [] : [{ x, y: w.average }]));
  if (points.length < MIN_TREND_WEEKS) return { slopePerWeek: null, direction: TrendDirection.INSUFFICIENT_DATA };
  const s = slope(points)!;
  const direction = s >= MIN_TREND_SLOPE ? TrendDirection.IMPROVING : s <= -MIN_TREND_SLOPE ? TrendDirection.DECLINING : TrendDirection.STEADY;
  return { slopePerWeek: s, direction };
}

/** sum / count, or null for an empty bucket. */
export const mean = (sum: number, count: number): number | null => (count > 0 ? sum / count : null);
