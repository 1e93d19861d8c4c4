/** GraphQL shapes of `coachingPlan`. */
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Rep, RepRole } from "../reps/rep.entity";
import { GapPriority } from "../insights/insights.enums";
import { InsightPeriod } from "../insights/insights.types";

@ObjectType({ description: "A moment of a call used as an example: the words, who said them, when." })
export class PlanMoment {
  @Field({ description: "Words from the transcript (verified evidence)." })
  quote: string;

  @Field({ description: "Who said it; \"a same-role colleague\" when anonymised." })
  speakerName: string;

  @Field(() => Int, { nullable: true, description: "Milliseconds from the start of the call (null when anonymised)." })
  startMs: number | null;

  @Field(() => ID, { nullable: true, description: "The call (null when anonymised: a colleague's call outside your scope)." })
  callId: string | null;

  @Field(() => String, { nullable: true, description: "The call's title (null when anonymised)." })
  callTitle: string | null;

  @Field(() => Int, { description: "The dimension score of that call." })
  score: number;

  @Field({ description: "True when the moment comes from a colleague outside your token's scope and identities were removed." })
  anonymised: boolean;
}

@ObjectType({ description: "One concrete thing to work on, shown on the rep's own call and on a stronger colleague's." })
export class CoachingRecommendation {
  @Field({ description: "What to do differently." })
  action: string;

  @Field(() => PlanMoment, { nullable: true, description: "Where this showed on the rep's own calls (their lowest score on the dimension)." })
  example: PlanMoment | null;

  @Field(() => PlanMoment, { nullable: true, description: "How a stronger same-role colleague handled it (a high score on the dimension)." })
  model: PlanMoment | null;
}

@ObjectType({ description: "A situation to rehearse, from the rubric's examples." })
export class PracticeScenario {
  @Field({ description: "The situation (what poor handling looks like in the rubric)." })
  situation: string;

  @Field(() => [String], { description: "What good looks like (the rubric's excellent examples)." })
  goodLooksLike: string[];
}

@ObjectType({ description: "One priority area of a coaching plan: a dimension where the rep trails." })
export class CoachingArea {
  @Field({ description: "Rubric dimension key." })
  dimension: string;

  @Field({ description: "Dimension display name." })
  name: string;

  @Field(() => RepRole, { description: "The rubric." })
  rubricRole: RepRole;

  @Field(() => Float, { description: "The rep's average in the period." })
  average: number;

  @Field(() => Float, { nullable: true, description: "The same-role team average (aggregate)." })
  teamAverage: number | null;

  @Field(() => GapPriority, { description: "HIGH, MEDIUM or LOW (see repInsights)." })
  priority: GapPriority;

  @Field(() => [CoachingRecommendation], { description: "One to three concrete actions with example and model moments." })
  recommendations: CoachingRecommendation[];

  @Field(() => [PracticeScenario], { description: "Situations to rehearse." })
  practice: PracticeScenario[];
}

@ObjectType({ description: "A coaching plan for one rep: priority areas from the gaps to the same-role team, with concrete actions and practice." })
export class CoachingPlan {
  @Field(() => Rep, { description: "The rep." })
  rep: Rep;

  @Field(() => InsightPeriod, { description: "The period the plan is built from." })
  period: InsightPeriod;

  @Field(() => [CoachingArea], { description: "Up to three areas, most pressing first (empty when nothing trails)." })
  areas: CoachingArea[];
}
