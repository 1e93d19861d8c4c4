/** Weekly reports as Markdown (stored, and the text of the Slack-compatible delivery). */
import type { RepWeek, TeamWeek } from "./report-data";

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? "–" : String(x));
const change = (to: number | null, from: number | null) => (to === null || from === null ? "" : ` (${to - from >= 0 ? "+" : ""}${Math.round((to - from) * 10) / 10})`);
const mmss = (ms: number | null) => (ms === null ? "" : `${String(Math.floor(ms / 60000)).padStart(2, "0")}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, "0")} `);
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function repMarkdown(r: RepWeek): string {
  const lines = [
    `# Weekly coaching review — ${r.rep.name} (${r.rep.role}), week of ${r.weekStart}`,
    "",
    `${r.calls} call(s) analysed. Overall score **${fmt(r.overall)}**${change(r.overall, r.previousOverall)} compared with the week before.`,
    "",
    "## Dimensions",
    "",
    "| Dimension | This week | Week before |",
    "| --- | ---: | ---: |",
    ...r.dimensions.map((d) => `| ${d.dimension} | ${d.average} | ${fmt(d.previous)} |`),
    "",
    "## Focus for next week",
    "",
    ...(r.priorities.length ? r.priorities.map((p) => `- **${p.dimension}** (${p.average})${p.advice ? `: ${p.advice}` : ""}`) : ["- Nothing stands out."]),
  ];
  if (r.actions.length) lines.push("", "## Actions from your calls", "", ...r.actions.map((a) => `- ${a.callTitle}, ${mmss(a.atMs)}— ${a.text}`));
  if (r.objections.length) {
    lines.push("", "## Objections", "", "| Type | Raised | Resolved |", "| --- | ---: | ---: |", ...r.objections.map((o) => `| ${o.type} | ${o.count} | ${pct(o.resolutionRate)} |`));
  }
  return lines.join("\n") + "\n";
}

export function teamMarkdown(t: TeamWeek): string {
  const lines = [
    `# Weekly team review — week of ${t.weekStart}`,
    "",
    `${t.calls} call(s), ${t.analyses} analyses, ${t.reps.length} rep(s).`,
    "",
    "## Score distribution (overall)",
    "",
    "| Band | Analyses |",
    "| --- | ---: |",
    ...t.distribution.map((b) => `| ${b.label} | ${b.count} |`),
    "",
    "## Biggest movers",
    "",
    ...(t.movers.length ? t.movers.map((m) => `- ${m.name} (${m.role}): ${m.from} → ${m.to} (${m.change >= 0 ? "+" : ""}${m.change})`) : ["- No rep was scored in both weeks."]),
    "",
    "## Common objections",
    "",
    ...(t.objections.length ? ["| Type | Raised | Resolved |", "| --- | ---: | ---: |", ...t.objections.map((o) => `| ${o.type} | ${o.count} | ${pct(o.resolutionRate)} |`)] : ["None recorded."]),
    "",
    "## Coaching priorities",
    "",
    ...(t.priorities.length ? t.priorities.map((p) => `- ${p.role}: **${p.dimension}** (team average ${p.average})`) : ["- None."]),
    "",
    "## Reps",
    "",
    "| Rep | Role | Calls | Overall | Week before |",
    "| --- | --- | ---: | ---: | ---: |",
    ...t.reps.map((r) => `| ${r.name} | ${r.role} | ${r.calls} | ${fmt(r.overall)} | ${fmt(r.previousOverall)} |`),
  ];
  return lines.join("\n") + "\n";
}
