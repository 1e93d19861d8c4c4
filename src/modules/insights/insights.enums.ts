/** GraphQL registration of the insights enums (the enums themselves live beside their rules). */
import { registerEnumType } from "type-graphql";
import { Granularity, PeriodPreset } from "./period";
import { GapPriority, TrendDirection } from "./insights-math";
import { InteractionMetric, TargetStatus } from "./targets";

registerEnumType(PeriodPreset, {
  name: "PeriodPreset",
  description:
    "A period of call dates in REVIEW_TZ: the last 7, 30 or 90 days (ending today or `asOf`, both ends included), the previous calendar quarter, or a CUSTOM `from`–`to` range.",
});
registerEnumType(Granularity, { name: "TrendGranularity", description: "Bucket size of a series: WEEK (Monday start) or MONTH, in REVIEW_TZ." });
registerEnumType(GapPriority, {
  name: "GapPriority",
  description: "HIGH: 10+ points below the same-role team or an average under 60; MEDIUM: 5+ points below; LOW: otherwise.",
});
registerEnumType(TrendDirection, {
  name: "TrendDirection",
  description:
    "Least-squares slope of the weekly averages: IMPROVING ≥ +1 point/week, DECLINING ≤ −1, STEADY between; INSUFFICIENT_DATA with fewer than 3 weeks with scores.",
});
registerEnumType(InteractionMetric, {
  name: "InteractionMetric",
  description:
    "TALK_RATIO (our side's share of talk time, 0–1), OWN_TALK_RATIO (the rep's own share), LONGEST_MONOLOGUE (ms), QUESTIONS (per call), QUESTION_RATE (per minute), PATIENCE (ms before replying), INTERACTIVITY (speaker switches per minute).",
});
registerEnumType(TargetStatus, {
  name: "TargetStatus",
  description: "ON_TARGET, BELOW or ABOVE the target range; NO_TARGET when the call type has none; NO_DATA when no call had the metric.",
});

export { Granularity, PeriodPreset, GapPriority, TrendDirection, InteractionMetric, TargetStatus };
