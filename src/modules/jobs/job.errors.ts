import { BadInputError, NotFoundError } from "../../core/errors";

export class JobNotFoundError extends NotFoundError {
  constructor(id: string) {
    super("JOB_NOT_FOUND", `No job with id ${id}.`, { id });
  }
}

export class JobNotRetryableError extends BadInputError {
  constructor(id: string, state: string) {
    super("JOB_NOT_RETRYABLE", `Job ${id} is ${state}; only failed jobs can be retried.`);
  }
}
