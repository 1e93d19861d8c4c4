import { Field, Int, ObjectType } from "type-graphql";
import { TokenRole } from "./api-token.entity";
import { Rep } from "../reps/rep.entity";

@ObjectType("Viewer", { description: "Who the request's token belongs to and what it may see." })
export class ViewerInfo {
  @Field({ description: "The token's name." })
  tokenName: string;

  @Field(() => TokenRole, { description: "ADMIN sees everything; MANAGER themselves and their direct reports; REP themselves." })
  role: TokenRole;

  @Field(() => Rep, { nullable: true, description: "The person the token belongs to (null for an ADMIN token not tied to a rep)." })
  rep: Rep | null;

  @Field(() => Int, { nullable: true, description: "How many reps the token may read (null: everyone, ADMIN)." })
  visibleReps: number | null;
}
