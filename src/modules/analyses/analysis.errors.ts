import { NotFoundError } from "../../core/errors";

export class AnalysisNotFoundError extends NotFoundError {
  constructor(id: string) {
    super("ANALYSIS_NOT_FOUND", `No analysis with id ${id}.`, { id });
  }
}
