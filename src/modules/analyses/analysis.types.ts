import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A notable moment of a call." })
export class KeyMoment {
  @Field(() => Int, { description: "Milliseconds from the start of the call." })
  atMs: number;

  @Field({ description: "One line on what happened." })
  text: string;
}

@ObjectType({ description: "A concrete coaching action, tied to a moment of the call when possible." })
export class CoachingAction {
  @Field({ description: "What to do differently." })
  text: string;

  @Field(() => Int, { nullable: true, description: "Milliseconds from the start of the call of the moment it refers to." })
  atMs?: number | null;
}

@ObjectType({ description: "A quote from the transcript supporting a score." })
export class Evidence {
  @Field({ description: "The quoted words." })
  quote: string;

  @Field(() => String, { nullable: true, description: "Who said it." })
  speakerName?: string | null;

  @Field(() => Int, { nullable: true, description: "Milliseconds from the start of the call." })
  startMs?: number | null;

  @Field({ description: "True when the quote was found in the stored transcript." })
  verified: boolean;
}

@ObjectType({ description: "LLM token usage of an analysis." })
export class TokenUsage {
  @Field(() => Int, { description: "Input tokens (uncached)." })
  input: number;

  @Field(() => Int, { description: "Output tokens." })
  output: number;

  @Field(() => Int, { description: "Tokens written to the prompt cache." })
  cacheWrite: number;

  @Field(() => Int, { description: "Tokens read from the prompt cache." })
  cacheRead: number;
}
