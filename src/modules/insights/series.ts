/** Buckets of a series: sums per bucket start → { start, startsAt, average, count }, empty buckets kept. */
import { zonedMidnight, type LocalDate } from "./period";
import { mean } from "./insights-math";
import type { TrendBucket } from "./insights.types";

/** Score sum and count per bucket start (or per any key). */
export type Sums = Map<string, { sum: number; count: number }>;

export function addTo(m: Sums, key: string, sum: number, count: number): void {
  const v = m.get(key);
  if (v) {
    v.sum += sum;
    v.count += count;
  } else m.set(key, { sum, count });
}

export function total(m: Sums): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const v of m.values()) {
    sum += v.sum;
    count += v.count;
  }
  return { sum, count };
}

/** One bucket per start, in order; starts without sums have count 0 and average null. */
export function bucketSeries(starts: LocalDate[], sums: Sums, timeZone: string): TrendBucket[] {
  return starts.map((start) => {
    const v = sums.get(start) ?? { sum: 0, count: 0 };
    return { start, startsAt: zonedMidnight(start, timeZone), average: mean(v.sum, v.count), count: v.count };
  });
}
