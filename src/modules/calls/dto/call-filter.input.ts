import { Field, ID, InputType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { IsEmail, IsOptional } from "class-validator";
import { CallType, Product } from "../call.enums";

@InputType({ description: "Filters for the calls query; all given filters must match." })
export class CallFilter {
  @Field(() => ID, { nullable: true, description: "Only calls this rep took part in (our rep id)." })
  repId?: string;

  @Field({ nullable: true, description: "Only calls this rep took part in (rep email)." })
  @IsOptional()
  @IsEmail()
  repEmail?: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: "Only calls that started at or after this instant." })
  from?: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: "Only calls that started before this instant (exclusive)." })
  to?: Date;

  @Field(() => CallType, { nullable: true, description: "Only calls of this type." })
  callType?: CallType;

  @Field(() => Product, { nullable: true, description: "Only calls about this product." })
  product?: Product;
}
