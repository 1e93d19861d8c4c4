import { Field, InputType, ObjectType } from "type-graphql";
import { IsEmail, IsOptional, Length, Matches } from "class-validator";
import { ApiToken, TokenRole } from "../api-token.entity";

@InputType({ description: "A new API token." })
export class CreateApiTokenInput {
  @Field(() => TokenRole, { description: "What the token may do." })
  role: TokenRole;

  @Field({ nullable: true, description: "Unique name (default: role plus a random suffix)." })
  @IsOptional()
  @Length(1, 100)
  @Matches(/^[\w.@-]+$/, { message: "name may contain letters, digits, _ . @ - only" })
  name?: string;

  @Field({ nullable: true, description: "Email of the rep the token belongs to (required for MANAGER and REP)." })
  @IsOptional()
  @IsEmail()
  repEmail?: string;
}

@ObjectType({ description: "A newly created API token; `token` is shown only here, once." })
export class CreatedApiToken {
  @Field({ description: "The secret token. Store it now: it cannot be shown again." })
  token: string;

  @Field(() => ApiToken, { description: "The stored token record." })
  apiToken: ApiToken;
}
