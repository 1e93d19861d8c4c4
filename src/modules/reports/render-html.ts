/**
 * Weekly reports as HTML. Two forms: a standalone page for browsers with inline SVG charts
 * (dimension trends, team distribution), and an e-mail body whose charts are table cells with
 * widths and background colours — inline SVG does not survive common mail clients (Gmail, Outlook).
 */
import type { RepWeek, TeamWeek } from "./report-data";

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fmt = (x: number | null | undefined) => (x === null || x === undefined ? "–" : String(x));
const pct = (x: number) => `${Math.round(x * 100)}%`;
const COLORS = ["#2f6fb3", "#c0504d", "#4f9a55", "#8064a2", "#d08c2f", "#4bacc6"];

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; color: #222; line-height: 1.4; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .75rem; text-align: left; }
td.num { text-align: right; }
figure { margin: 1rem 0; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Line chart of weekly dimension averages (0–100), one line per dimension, with a legend. */
export function trendSvg(weeks: string[], dims: { dimension: string; series: (number | null)[] }[]): string {
  const W = 640;
  const H = 220;
  const pad = { l: 36, r: 12, t: 12, b: 28 };
  const x = (i: number) => pad.l + (weeks.length > 1 ? (i * (W - pad.l - pad.r)) / (weeks.length - 1) : 0);
  const y = (v: number) => pad.t + ((100 - v) * (H - pad.t - pad.b)) / 100;
  const grid = [0, 25, 50, 75, 100]
    .map((v) => `<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="4" y="${y(v) + 4}" font-size="10">${v}</text>`)
    .join("");
  const labels = weeks.map((w, i) => `<text x="${x(i)}" y="${H - 8}" font-size="10" text-anchor="middle">${w.slice(5)}</text>`).join("");
  const lines = dims
    .map((d, k) => {
      const pts = d.series.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean);
      return pts.length ? `<polyline fill="none" stroke="${COLORS[k % COLORS.length]}" stroke-width="2" points="${pts.join(" ")}"><title>${esc(d.dimension)}</title></polyline>` : "";
    })
    .join("");
  const legend = dims.map((d, k) => `<tspan fill="${COLORS[k % COLORS.length]}">■ ${esc(d.dimension)}  </tspan>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Dimension scores per week" viewBox="0 0 ${W} ${H + 18}" width="${W}" height="${H + 18}">${grid}${labels}${lines}<text x="${pad.l}" y="${H + 14}" font-size="11">${legend}</text></svg>`;
}

/** Bar chart of the overall-score distribution. */
export function distributionSvg(bands: { label: string; count: number }[]): string {
  const W = 480;
  const row = 26;
  const max = Math.max(1, ...bands.map((b) => b.count));
  const bars = bands
    .map((b, i) => {
      const w = Math.round((b.count / max) * (W - 140));
      return `<text x="0" y="${i * row + 17}" font-size="12">${esc(b.label)}</text><rect x="70" y="${i * row + 4}" width="${w}" height="18" fill="#2f6fb3"><title>${b.count}</title></rect><text x="${76 + w}" y="${i * row + 17}" font-size="12">${b.count}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Overall score distribution" viewBox="0 0 ${W} ${bands.length * row + 4}" width="${W}" height="${bands.length * row + 4}">${bars}</svg>`;
}

/** A bar made of table cells (for e-mail): `value` of `max`, `px` wide at most. */
export function cellBar(value: number, max: number, px = 200, color = "#2f6fb3"): string {
  const w = Math.max(1, Math.round((value / Math.max(max, 1)) * px));
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td width="${w}" height="12" bgcolor="${color}" style="width:${w}px;height:12px;background-color:${color};font-size:0;line-height:0">&nbsp;</td><td style="padding-left:6px;font-size:12px">${value}</td></tr></table>`;
}

const objectionRows = (list: { type: string; count: number; resolutionRate: number }[]) =>
  list.map((o) => `<tr><td>${esc(o.type)}</td><td class="num">${o.count}</td><td class="num">${pct(o.resolutionRate)}</td></tr>`).join("");

function repBody(r: RepWeek, chart: string): string {
  return `<h1>Weekly coaching review — ${esc(r.rep.name)} (${esc(r.rep.role)})</h1>
<p>Week of ${esc(r.weekStart)}: ${r.calls} call(s) analysed. Overall score <strong>${fmt(r.overall)}</strong> (week before: ${fmt(r.previousOverall)}).</p>
<h2>Dimensions</h2>
${chart}
<table><thead><tr><th>Dimension</th><th>This week</th><th>Week before</th></tr></thead><tbody>
${r.dimensions.map((d) => `<tr><td>${esc(d.dimension)}</td><td class="num">${d.average}</td><td class="num">${fmt(d.previous)}</td></tr>`).join("\n")}
</tbody></table>
<h2>Focus for next week</h2>
<ul>${r.priorities.map((p) => `<li><strong>${esc(p.dimension)}</strong> (${p.average})${p.advice ? `: ${esc(p.advice)}` : ""}</li>`).join("") || "<li>Nothing stands out.</li>"}</ul>
${r.actions.length ? `<h2>Actions from your calls</h2><ul>${r.actions.map((a) => `<li>${esc(a.callTitle)}: ${esc(a.text)}</li>`).join("")}</ul>` : ""}
${r.objections.length ? `<h2>Objections</h2><table><thead><tr><th>Type</th><th>Raised</th><th>Resolved</th></tr></thead><tbody>${objectionRows(r.objections)}</tbody></table>` : ""}`;
}

function teamBody(t: TeamWeek, chart: string): string {
  return `<h1>Weekly team review — week of ${esc(t.weekStart)}</h1>
<p>${t.calls} call(s), ${t.analyses} analyses, ${t.reps.length} rep(s).</p>
<h2>Score distribution</h2>
${chart}
<h2>Biggest movers</h2>
<ul>${t.movers.map((m) => `<li>${esc(m.name)} (${esc(m.role)}): ${m.from} → ${m.to} (${m.change >= 0 ? "+" : ""}${m.change})</li>`).join("") || "<li>No rep was scored in both weeks.</li>"}</ul>
<h2>Common objections</h2>
${t.objections.length ? `<table><thead><tr><th>Type</th><th>Raised</th><th>Resolved</th></tr></thead><tbody>${objectionRows(t.objections)}</tbody></table>` : "<p>None recorded.</p>"}
<h2>Coaching priorities</h2>
<ul>${t.priorities.map((p) => `<li>${esc(p.role)}: <strong>${esc(p.dimension)}</strong> (team average ${p.average})</li>`).join("") || "<li>None.</li>"}</ul>
<h2>Reps</h2>
<table><thead><tr><th>Rep</th><th>Role</th><th>Calls</th><th>Overall</th><th>Week before</th></tr></thead><tbody>
${t.reps.map((r) => `<tr><td>${esc(r.name)}</td><td>${esc(r.role)}</td><td class="num">${r.calls}</td><td class="num">${fmt(r.overall)}</td><td class="num">${fmt(r.previousOverall)}</td></tr>`).join("\n")}
</tbody></table>`;
}

export const repHtml = (r: RepWeek) => page(`${r.rep.name} — week of ${r.weekStart}`, repBody(r, trendSvg(r.seriesWeeks, r.dimensions)));
export const teamHtml = (t: TeamWeek) => page(`Team review — week of ${t.weekStart}`, teamBody(t, distributionSvg(t.distribution)));

/** E-mail bodies: the same content, charts as table-cell bars (no SVG). */
export const repEmailHtml = (r: RepWeek) =>
  page(
    `${r.rep.name} — week of ${r.weekStart}`,
    repBody(r, `<table role="presentation">${r.dimensions.map((d) => `<tr><td>${esc(d.dimension)}</td><td>${cellBar(d.average, 100)}</td></tr>`).join("")}</table>`),
  );
export const teamEmailHtml = (t: TeamWeek) =>
  page(
    `Team review — week of ${t.weekStart}`,
    teamBody(t, `<table role="presentation">${t.distribution.map((b) => `<tr><td>${esc(b.label)}</td><td>${cellBar(b.count, Math.max(...t.distribution.map((x) => x.count)))}</td></tr>`).join("")}</table>`),
  );
