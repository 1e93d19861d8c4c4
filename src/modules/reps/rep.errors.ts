import { BadInputError, NotFoundError } from "../../core/errors";

export class RepNotFoundError extends NotFoundError {
  constructor(idOrEmail: string) {
    super("REP_NOT_FOUND", `No rep with id or email "${idOrEmail}".`);
  }
}

export class RepLookupInputError extends BadInputError {
  constructor() {
    super("REP_LOOKUP_INPUT", "Give exactly one of id or email.");
  }
}
