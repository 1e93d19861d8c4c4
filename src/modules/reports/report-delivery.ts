/**
 * Sending reports: the team report to a Slack-compatible incoming webhook (REPORT_WEBHOOK_URL), and
 * reports by e-mail over SMTP (SMTP_URL via nodemailer): the team report to REPORT_EMAIL_TO, each
 * rep's report to the rep. Each send is one `report.deliver` job per report and channel, so a failure
 * is retried with backoff without sending the other channel twice; success is recorded per channel
 * and `delivered_at` once every configured channel has succeeded.
 */
import nodemailer from "nodemailer";
import type { Config } from "../../core/config";
import type { TeamWeek } from "./report-data";

export type Channel = "webhook" | "email";

/** The channels configured for a report (team: webhook and e-mail; rep: e-mail to the rep). */
export function channelsFor(config: Config, isTeam: boolean): Channel[] {
  const out: Channel[] = [];
  if (isTeam && config.review.webhookUrl) out.push("webhook");
  if (config.review.smtpUrl && (!isTeam || config.review.emailTo.length)) out.push("email");
  return out;
}

/** Slack-compatible message (text fallback plus blocks) of a team report. */
export function slackMessage(team: TeamWeek, markdownLink?: string): Record<string, unknown> {
  const movers = team.movers.slice(0, 3).map((m) => `${m.name} ${m.from} → ${m.to} (${m.change >= 0 ? "+" : ""}${m.change})`);
  const objections = team.objections.slice(0, 3).map((o) => `${o.type.toLowerCase()} ×${o.count} (${Math.round(o.resolutionRate * 100)}% resolved)`);
  const priorities = team.priorities.map((p) => `${p.role}: ${p.dimension} (${p.average})`);
  const text = `Weekly team review, week of ${team.weekStart}: ${team.calls} calls, ${team.analyses} analyses.`;
  return {
    text,
    blocks: [
      { type: "header", text: { type: "plain_text", text: `Weekly team review — week of ${team.weekStart}` } },
      { type: "section", text: { type: "mrkdwn", text: `${team.calls} calls, ${team.analyses} analyses, ${team.reps.length} reps.` } },
      { type: "section", text: { type: "mrkdwn", text: `*Biggest movers*\n${movers.join("\n") || "none"}` } },
      { type: "section", text: { type: "mrkdwn", text: `*Common objections*\n${objections.join("\n") || "none"}` } },
      { type: "section", text: { type: "mrkdwn", text: `*Coaching priorities*\n${priorities.join("\n") || "none"}` } },
      ...(markdownLink ? [{ type: "context", elements: [{ type: "mrkdwn", text: markdownLink }] }] : []),
    ],
  };
}

export async function postWebhook(url: string, body: unknown, timeoutMs = 15_000): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`report webhook answered HTTP ${res.status}`);
}

export async function sendEmail(config: Config, msg: { to: string[]; subject: string; text: string; html: string }): Promise<void> {
  const transport = nodemailer.createTransport(config.review.smtpUrl!);
  try {
    await transport.sendMail({ from: config.review.emailFrom, to: msg.to.join(", "), subject: msg.subject, text: msg.text, html: msg.html });
  } finally {
    transport.close();
  }
}
