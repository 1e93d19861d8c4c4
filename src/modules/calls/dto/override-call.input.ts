import { Field, ID, InputType } from "type-graphql";
import { CallType, Product } from "../call.enums";

@InputType({ description: "An admin's correction of how a call was classified; kept when the call is re-ingested." })
export class OverrideCallInput {
  @Field(() => ID, { description: "Our call id or Gong's call id." })
  callId: string;

  @Field(() => CallType, { nullable: true, description: "The call type to keep." })
  callType?: CallType;

  @Field(() => Product, { nullable: true, description: "The product to keep." })
  product?: Product;
}
