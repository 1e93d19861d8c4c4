import { BadInputError, NotFoundError } from "../../core/errors";

export class CallNotFoundError extends NotFoundError {
  constructor(id: string) {
    super("CALL_NOT_FOUND", `No call with id ${id}.`, { id });
  }
}

/** A transcript, caption file or call object that cannot be imported. */
export class InvalidTranscriptError extends BadInputError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("INVALID_TRANSCRIPT", message, details);
  }
}

/** A call object (Gong extensive shape) that cannot be imported. */
export class InvalidCallError extends BadInputError {
  constructor(message: string) {
    super("INVALID_CALL", message);
  }
}

/** A file given to `callcoach import` that cannot be read or understood; the message names the file. */
export class ImportFileError extends BadInputError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super("INVALID_IMPORT_FILE", `${file}: ${problem}`, { file });
  }
}

/** Validates `Call.segments(offset:)`: a non-negative integer, never together with `after` (0 when absent). */
export function segmentOffset(offset: number | null | undefined, after: string | null | undefined): number {
  if (offset === null || offset === undefined) return 0;
  if (after) throw new BadInputError("OFFSET_WITH_AFTER", 'Give either "offset" or "after" to page the transcript, not both.');
  if (!Number.isInteger(offset) || offset < 0) throw new BadInputError("INVALID_OFFSET", `"offset" must be 0 or more (got ${offset}).`);
  return offset;
}
