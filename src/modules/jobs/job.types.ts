import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLDateTime, GraphQLJSONObject } from "graphql-scalars";
import { connectionType } from "../../core/graphql/connection";

export enum JobState {
  CREATED = "CREATED",
  RETRY = "RETRY",
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
  FAILED = "FAILED",
}
registerEnumType(JobState, { name: "JobState", description: "State of a background job (pg-boss)." });

@ObjectType({ description: "A background job of the internal job runner." })
export class Job {
  @Field(() => ID, { description: "Job id (UUID)." })
  id: string;

  @Field({ description: "Queue, e.g. call.ingest, call.analyze, gong.sync." })
  queue: string;

  @Field(() => JobState, { description: "Current state." })
  state: JobState;

  @Field(() => GraphQLJSONObject, { description: "The job's payload." })
  data: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "Error message of the last failed attempt." })
  error: string | null;

  @Field(() => Int, { description: "Retries used so far." })
  retryCount: number;

  @Field(() => Int, { description: "Retries allowed after the first attempt." })
  retryLimit: number;

  @Field({ description: "True when a copy was sent to the queue's dead-letter queue (<queue>.dead)." })
  deadLettered: boolean;

  @Field(() => GraphQLDateTime, { description: "When the job was queued." })
  createdAt: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When the last attempt finished." })
  finishedAt: Date | null;
}

export const JobConnection = connectionType(Job, "Job", "job");
export type JobConnection = InstanceType<typeof JobConnection>;
