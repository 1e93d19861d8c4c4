/**
 * Prompts for common asks. They only tell Claude which tools to use in which order; the data comes
 * from the tools, under the caller's token.
 */
import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { GetPromptResult } from "@modelcontextprotocol/sdk/types.js";

/** A prompt's answer: one user message with the ask. */
const askAs = (text: string): GetPromptResult => ({ messages: [{ role: "user", content: { type: "text", text } }] });

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    "coach_me_on_my_last_call",
    {
      title: "Coach me on my last call",
      description: "Finds your most recent call, scores it if needed, and coaches you on the two things that matter most.",
      argsSchema: { rep_email: z.string().optional().describe("Whose last call (default: the token's own rep).") },
    },
    ({ rep_email }) =>
      askAs(
        `Coach me on my most recent sales call${rep_email ? ` (I am ${rep_email})` : ""}.\n` +
          `1. Find the call: search_calls${rep_email ? ` with rep_email "${rep_email}"` : ""} and first 1 (newest first).\n` +
          "2. Run analyze_call on it (it reuses an existing analysis at no cost).\n" +
          "3. Tell me, citing the evidence quotes and their times: my overall score, the two dimensions where I lost the most, " +
          "what a stronger answer would have sounded like, and one thing to practise before my next call. " +
          "Mention any objection left unresolved.",
      ),
  );

  server.registerPrompt(
    "prepare_one_on_one",
    {
      title: "Prepare a coaching 1:1",
      description: "For a manager: a rep's trends, weekly report and coaching plan, condensed into an agenda for a 1:1.",
      argsSchema: { rep_email: z.string().describe("The rep's email address.") },
    },
    ({ rep_email }) =>
      askAs(
        `Prepare my 1:1 with ${rep_email}.\n` +
          `1. get_rep_insights for ${rep_email} over the last 30 days, then get_weekly_report for ${rep_email}.\n` +
          `2. get_coaching_plan for ${rep_email}.\n` +
          "3. Write a short agenda: what improved, the top gap against the team with one call moment as an example, " +
          "and two practice scenarios. Keep it under a page.",
      ),
  );
}
