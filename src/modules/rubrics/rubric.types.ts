/** GraphQL shapes of the rubrics (the entity keeps dimensions as JSON). */
import { Field, Float, Int, ObjectType } from "type-graphql";
import { RepRole } from "../reps/rep.entity";

@ObjectType({ description: "A score band of a dimension: scores from `min` up to the next band's floor." })
export class RubricBand {
  @Field(() => Int, { description: "Lowest score (0–100) in this band." })
  min: number;

  @Field(() => String, { description: "Band name: exemplary, strong, competent, developing, needs focus." })
  label: string;

  @Field(() => String, { description: "What a call in this band looks like for this dimension." })
  description: string;
}

@ObjectType({ description: "Behaviours that illustrate a dimension." })
export class RubricExamples {
  @Field(() => [String], { description: "What excellent looks like." })
  excellent: string[];

  @Field(() => [String], { description: "What poor looks like." })
  poor: string[];
}

@ObjectType("RubricDimension", { description: "One weighted dimension of a rubric." })
export class RubricDimensionType {
  @Field(() => String, { description: "Stable key, e.g. discovery." })
  key: string;

  @Field(() => String, { description: "Display name." })
  name: string;

  @Field(() => Float, { description: "Share of the overall score (a rubric's weights sum to 1)." })
  weight: number;

  @Field(() => String, { description: "What the dimension is about." })
  description: string;

  @Field(() => [String], { description: "What a reviewer checks." })
  criteria: string[];

  @Field(() => [RubricBand], { description: "Score bands, highest first, the last starting at 0." })
  bands: RubricBand[];

  @Field(() => RubricExamples, { description: "Example behaviours, excellent and poor." })
  examples: RubricExamples;

  @Field(() => String, { description: "sha256 of the dimension's content: changes exactly when the dimension does." })
  version: string;
}

@ObjectType("Rubric", { description: "The coaching rubric of one role, loaded from the knowledge base." })
export class RubricType {
  @Field(() => RepRole, { description: "Role the rubric coaches: AE, SE or CSM." })
  role: RepRole;

  @Field(() => String, { description: "Display name." })
  name: string;

  @Field(() => String, { description: "Hash of the rubric's dimension versions and weights." })
  version: string;

  @Field(() => String, { description: "What the role owns and what the rubric looks for." })
  description: string;

  @Field(() => [RubricDimensionType], { description: "Weighted dimensions, in file order." })
  dimensions: RubricDimensionType[];

  @Field(() => Date, { description: "When this version of the rubric was loaded." })
  loadedAt: Date;
}

@ObjectType({ description: "What a knowledge-base load did." })
export class KnowledgeLoadResult {
  @Field(() => Int, { description: "Rubrics loaded." })
  rubrics: number;

  @Field(() => Int, { description: "Dimensions across those rubrics." })
  dimensions: number;

  @Field(() => Int, { description: "Dimensions that were new or whose content changed (0 when nothing changed)." })
  changedDimensions: number;
}
