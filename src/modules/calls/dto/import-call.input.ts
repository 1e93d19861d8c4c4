import { Field, InputType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { IsEmail, IsOptional } from "class-validator";
import { CallType, Product } from "../call.enums";

@InputType({ description: "A call to import in Gong's shapes (so data can enter without the Gong integration)." })
export class ImportCallInput {
  @Field(() => GraphQLJSONObject, {
    description: "A Gong extensive call object ({ metaData, parties, … } as in POST /v2/calls/extensive `calls[]`). metaData.id may be omitted for non-Gong calls.",
  })
  call: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, {
    description: "The call's transcript as one element of POST /v2/calls/transcript `callTranscripts[]` ({ callId, transcript }).",
  })
  transcript: Record<string, unknown>;

  @Field({ nullable: true, description: "Email of our rep on the call, for calls without Gong user ids (e.g. converted captions)." })
  @IsOptional()
  @IsEmail()
  repEmail?: string;

  @Field(() => CallType, { nullable: true, description: "Call type; classified from the title when omitted." })
  callType?: CallType;

  @Field(() => Product, { nullable: true, description: "Product; classified from the title and transcript when omitted." })
  product?: Product;
}
