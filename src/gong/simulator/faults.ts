/**
 * Fault injection (`SimulatorFaults`): every request draws the same four numbers from a PRNG
 * seeded by the simulator's seed, so a given seed and request sequence always fails the same way.
 * `failNext` overrides the draws for exact counts (503s).
 */
import { Prng } from "./prng";
import type { SimulatorFaults } from "./types";

export interface FaultDecision {
  /** Destroy the socket without answering. */
  drop: boolean;
  /** Answer with this status (500, 502 or 503) instead of handling the request. */
  errorStatus?: number;
  /** Delay before answering (ms). */
  delayMs: number;
}

const ERROR_STATUSES = [500, 502, 503];

export class FaultInjector {
  private readonly rng: Prng;
  private faults: SimulatorFaults;
  private failNext: number;

  constructor(seed: number, faults: SimulatorFaults = {}) {
    this.rng = new Prng(seed, "faults");
    this.faults = { ...faults };
    this.failNext = faults.failNext ?? 0;
  }

  set(faults: SimulatorFaults): void {
    this.faults = { ...faults };
    this.failNext = faults.failNext ?? 0;
  }

  decide(): FaultDecision {
    const [rDrop, rError, rStatus, rSlow] = [this.rng.next(), this.rng.next(), this.rng.next(), this.rng.next()];
    const f = this.faults;
    if (this.failNext > 0) {
      this.failNext--;
      return { drop: false, errorStatus: 503, delayMs: 0 };
    }
    const delayMs = rSlow < (f.slowRate ?? 0) ? (f.slowMs ?? 2000) : 0;
    if (rDrop < (f.dropRate ?? 0)) return { drop: true, delayMs };
    if (rError < (f.errorRate ?? 0)) return { drop: false, errorStatus: ERROR_STATUSES[Math.floor(rStatus * ERROR_STATUSES.length)], delayMs };
    return { drop: false, delayMs };
  }
}

export const FAULT_MESSAGES: Record<number, string> = {
  500: "Failed to complete the operation due to an unexpected error",
  502: "Bad gateway",
  503: "Service temporarily unavailable, please retry",
};
