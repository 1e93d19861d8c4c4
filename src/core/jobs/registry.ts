/** Every job type of call-coach. */
import type { JobDefinition } from "./job-definition";
import { callAnalyzeJob } from "../../modules/calls/jobs/call-analyze.job";

export const JOB_DEFINITIONS: JobDefinition[] = [callAnalyzeJob as JobDefinition];
