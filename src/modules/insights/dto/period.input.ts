import { Field, InputType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import { PeriodPreset } from "../insights.enums";

@InputType({ description: "Which calls count, by their date in REVIEW_TZ (the call's start, not the analysis date)." })
export class PeriodInput {
  @Field(() => PeriodPreset, { defaultValue: PeriodPreset.LAST_30_DAYS, description: "The kind of period (default LAST_30_DAYS)." })
  preset: PeriodPreset;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "CUSTOM only: first day, included (YYYY-MM-DD in REVIEW_TZ)." })
  from?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "CUSTOM only: last day, included (YYYY-MM-DD in REVIEW_TZ)." })
  to?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Presets only: the day they count back from (default: today in REVIEW_TZ). LAST_30_DAYS as of 2026-11-30 is 2026-11-01 to 2026-11-30.",
  })
  asOf?: string | null;
}
