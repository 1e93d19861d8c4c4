/**
 * One company-wide request budget, like Gong's (default 3 per second and 10,000 per day): a sliding
 * one-second window plus a per-UTC-day counter. Only admitted requests count. Over budget, the
 * answer is 429 with an integer `Retry-After` (seconds, at least 1).
 */
export interface RateLimitConfig {
  perSecond: number;
  perDay: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSec: number; scope: "second" | "day" };

export class RateLimiter {
  private window: number[] = [];
  private day = "";
  private dayCount = 0;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {}

  take(): RateDecision {
    const now = this.now();
    while (this.window.length && this.window[0] <= now - 1000) this.window.shift();
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.dayCount = 0;
    }
    if (this.dayCount >= this.config.perDay) {
      const nextMidnight = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
      return { ok: false, retryAfterSec: Math.max(1, Math.ceil((nextMidnight - now) / 1000)), scope: "day" };
    }
    if (this.window.length >= this.config.perSecond) {
      return { ok: false, retryAfterSec: Math.max(1, Math.ceil((this.window[0] + 1000 - now) / 1000)), scope: "second" };
    }
    this.window.push(now);
    this.dayCount++;
    return { ok: true };
  }
}
