/**
 * Every MCP tool, in the order clients list them. One file each (`<verb-noun>.tool.ts`); add a new
 * tool here and run `npm run codegen` to regenerate docs/mcp-tools.md.
 */
import type { ToolDefinition } from "../tool";
import { listReps } from "./list-reps.tool";
import { getCall } from "./get-call.tool";
import { searchCalls } from "./search-calls.tool";
import { getRepInsights } from "./get-rep-insights.tool";
import { getCostMetrics } from "./get-cost-metrics.tool";
import { analyzeCall } from "./analyze-call.tool";
import { compareCalls } from "./compare-calls.tool";
import { getCoachingPlan } from "./get-coaching-plan.tool";
import { getWeeklyReport } from "./get-weekly-report.tool";

export const TOOLS: ToolDefinition<never, never>[] = [listReps as never, getCall as never, searchCalls as never, getRepInsights as never, getCostMetrics as never, analyzeCall as never, compareCalls as never, getCoachingPlan as never, getWeeklyReport as never];
