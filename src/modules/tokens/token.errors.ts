import { BadInputError, ConflictError, NotFoundError } from "../../core/errors";

export class TokenNotFoundError extends NotFoundError {
  constructor(idOrName: string) {
    super("TOKEN_NOT_FOUND", `No API token with id or name "${idOrName}".`);
  }
}

export class TokenNameTakenError extends ConflictError {
  constructor(name: string) {
    super("TOKEN_NAME_TAKEN", `An API token named "${name}" already exists; choose another name.`);
  }
}

export class TokenRepRequiredError extends BadInputError {
  constructor(role: string) {
    super("TOKEN_REP_REQUIRED", `A ${role} token belongs to a rep: give the rep's email (--rep EMAIL / repEmail).`);
  }
}
