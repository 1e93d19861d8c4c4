import { Field, Float, ID, InputType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { IsEmail, IsOptional, MaxLength } from "class-validator";
import { CallType, Product } from "../calls/call.enums";
import { RepRole } from "../reps/rep.entity";
import { ObjectionResolution, ObjectionType } from "../analyses/analysis.enums";

/**
 * What `searchCalls` looks for. Every given filter must match (AND). The rep filters (repId,
 * repEmail, teamOf, role) pick a set of reps; the score and objection filters are checked on one
 * current analysis of a rep in that set (of any rep when no rep filter is given).
 */
@InputType({
  description:
    "Filters for searchCalls; every given filter must match. Rep filters (repId, repEmail, teamOf, role) select reps: a call matches when one of them took part. Score and objection filters must all hold on ONE current analysis of such a rep (of any rep when no rep filter is given) that you may read.",
})
export class CallSearchFilter {
  @Field({
    nullable: true,
    description:
      'Full-text search over transcripts (PostgreSQL websearch syntax with the \'english\' configuration: words are stemmed and stop words ignored; "quoted phrase", OR, -word). All words must occur in one transcript segment. With text, hits are ordered by rank (best first) and carry highlighted snippets.',
  })
  @IsOptional()
  @MaxLength(500)
  text?: string;

  @Field(() => ID, { nullable: true, description: "Only calls this rep took part in (our rep id)." })
  repId?: string;

  @Field({ nullable: true, description: "Only calls this rep took part in (rep email, case-insensitive)." })
  @IsOptional()
  @IsEmail()
  repEmail?: string;

  @Field({
    nullable: true,
    description: "Only calls of a team: the manager with this email and their direct reports (case-insensitive).",
  })
  @IsOptional()
  @IsEmail()
  teamOf?: string;

  @Field(() => RepRole, { nullable: true, description: "Only calls in which a rep of this role took part." })
  role?: RepRole;

  @Field(() => Product, { nullable: true, description: "Only calls about this product." })
  product?: Product;

  @Field(() => CallType, { nullable: true, description: "Only calls of this type." })
  callType?: CallType;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: "Only calls that started at or after this instant (ISO-8601 with offset or Z; inclusive).",
  })
  from?: Date;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: "Only calls that started before this instant (ISO-8601 with offset or Z; exclusive).",
  })
  to?: Date;

  @Field(() => Float, {
    nullable: true,
    description: "Score at least this (inclusive, 0–100): the overall score, or the score of `dimension` when given.",
  })
  minScore?: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Score below this (exclusive, 0–100): the overall score, or the score of `dimension` when given. "Scored below 70" is maxScore: 70.',
  })
  maxScore?: number;

  @Field({
    nullable: true,
    description:
      "A rubric dimension key (e.g. discovery): minScore/maxScore then bound that dimension's score instead of the overall score; alone, it requires a scored result for that dimension.",
  })
  @IsOptional()
  @MaxLength(100)
  dimension?: string;

  @Field(() => ObjectionType, { nullable: true, description: "Only calls where the customer raised an objection of this type." })
  objectionType?: ObjectionType;

  @Field(() => ObjectionResolution, {
    nullable: true,
    description: "Only calls with an objection in this state (with objectionType: that same objection).",
  })
  objectionResolved?: ObjectionResolution;

  @Field({ nullable: true, description: "Only calls with a participant (either side) with this email (case-insensitive)." })
  @IsOptional()
  @IsEmail()
  participantEmail?: string;

  @Field({
    nullable: true,
    description:
      'Only calls with a customer-side (EXTERNAL) participant whose email is at this domain, e.g. "acme.com" (case-insensitive; subdomains are other domains).',
  })
  @IsOptional()
  @MaxLength(253)
  participantDomain?: string;

  @Field({
    nullable: true,
    description: 'Only calls where this Gong tracker (e.g. "Security") fired at least once (tracker name, case-insensitive).',
  })
  @IsOptional()
  @MaxLength(200)
  tracker?: string;
}
