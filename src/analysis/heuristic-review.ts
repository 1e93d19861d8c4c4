/**
 * The heuristic call review: a short summary, up to ten key moments in call order, up to three actions
 * aimed at the weakest dimensions (each tied to a moment), and the customer's objections. Pure.
 */
import { findObjections, objectionWord, TECHNICAL, type ObjectionFinding } from "./heuristic-objections";
import { listing, longestMonologue, subjectView, trackerHits, type SubjectView } from "./heuristic-signals";
import { count, duration, percent, shorten, type Sentence } from "./heuristic-text";
import { callTypeName, CUSTOMER_RISK, PAIN, TRACKERS } from "./heuristic-trackers";
import { MONOLOGUE_GAP_MS } from "./metrics";
import type { AnalysisSubject, CallForAnalysis, CallReviewAnswer, TranscriptLine } from "./types";

export const MAX_KEY_MOMENTS = 10;
export const MAX_ACTIONS = 3;

type Moment = CallReviewAnswer["keyMoments"][number];

const quoted = (text: string, max = 90) => `"${shorten(text, max)}"`;
const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

/** The longest stretch one customer person spoke without anyone else in between. */
function longestCustomerStory(lines: TranscriptLine[]): { startMs: number; ms: number } | null {
  let best: { startMs: number; ms: number } | null = null;
  let run: { who: string; start: number; end: number } | null = null;
  const close = () => {
    if (run && (!best || run.end - run.start > best.ms)) best = { startMs: run.start, ms: run.end - run.start };
  };
  for (const l of lines) {
    if (l.side === "EXTERNAL" && l.participantId && run?.who === l.participantId && l.startMs - run.end <= MONOLOGUE_GAP_MS) {
      run.end = Math.max(run.end, l.endMs);
      continue;
    }
    close();
    run = l.side === "EXTERNAL" && l.participantId ? { who: l.participantId, start: l.startMs, end: l.endMs } : null;
  }
  close();
  return best;
}

function keyMoments(view: SubjectView, findings: ObjectionFinding[]): Moment[] {
  const who = firstName(view.subject.name);
  const cands: (Moment & { priority: number })[] = [];
  const add = (s: Sentence | TranscriptLine | undefined | null, text: string, priority: number) => {
    if (s) cands.push({ atMs: "line" in s ? s.line.startMs : s.startMs, text, priority });
  };
  const first = (id: keyof typeof TRACKERS) => trackerHits(view, id)[0];
  const last = (id: keyof typeof TRACKERS) => trackerHits(view, id).at(-1);

  const agenda = first("agenda");
  add(agenda, `${who} set the agenda: ${quoted(agenda?.text ?? "")}`, 5);
  const question = first("open_question");
  add(question, `First open question: ${quoted(question?.text ?? "")}`, 6);
  const playback = first("playback");
  add(playback, `${who} played back what was heard: ${quoted(playback?.text ?? "")}`, 4);
  const objectionLines = new Set(findings.map((f) => f.line));
  for (const f of findings) {
    const outcome = f.resolved === "YES" ? " (resolved)" : f.resolved === "NO" ? " (came back later)" : "";
    add(f.line, `Customer raised a ${objectionWord(f.type)} concern: ${quoted(f.quote)}${outcome}`, 9);
  }
  for (const l of view.lines) {
    if (l.side === "EXTERNAL" && !objectionLines.has(l) && CUSTOMER_RISK.test(l.text)) {
      add(l, `Customer mentioned a risk: ${quoted(l.text)}`, view.subject.role === "CSM" ? 7 : 3);
    }
  }
  const mono = longestMonologue(view);
  if (mono && mono.ms > 90_000) {
    cands.push({ atMs: mono.startMs, text: `${who} spoke for ${duration(mono.ms)} without a break`, priority: mono.ms > 120_000 ? 8 : 4 });
  }
  const story = longestCustomerStory(view.lines);
  if (story && story.ms >= 60_000) {
    cands.push({ atMs: story.startMs, text: `Customer's longest stretch of talking (${duration(story.ms)})`, priority: 3 });
  }
  const next = last("dated_next") ?? last("next_step");
  add(next, `Next step: ${quoted(next?.text ?? "")}`, 8);

  const seen = new Set<string>();
  return cands
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => b.priority - a.priority || a.atMs - b.atMs || a.i - b.i)
    .filter((c) => !seen.has(`${c.atMs}|${c.text}`) && seen.add(`${c.atMs}|${c.text}`))
    .slice(0, MAX_KEY_MOMENTS)
    .sort((a, b) => a.atMs - b.atMs || b.priority - a.priority || a.i - b.i)
    .map(({ atMs, text }) => ({ atMs, text }));
}

type Dim = { key: string; name: string; score: number };

/** One action for a weak dimension, tied to the moment of the call where it would have mattered. */
function actionFor(d: Dim, view: SubjectView, findings: ObjectionFinding[]): CallReviewAnswer["actions"][number] {
  const firstOwn = view.own[0]?.startMs ?? view.lines[0]?.startMs ?? 0;
  const lastOwn = view.own.at(-1)?.startMs ?? firstOwn;
  const mono = longestMonologue(view);
  const longMono = mono && mono.ms > 60_000 ? mono : null;
  // The subject's longest line: where an explanation was (or was not) put in the customer's terms.
  const longestOwn = [...view.own].sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs) || a.startMs - b.startMs)[0]?.startMs ?? firstOwn;
  const customerLine = (test: (text: string) => boolean) => view.lines.find((l) => l.side === "EXTERNAL" && test(l.text));
  const tracker = (id: keyof typeof TRACKERS) => (text: string) => TRACKERS[id].test(text, view.ctx);
  const act = (atMs: number, text: string) => ({ atMs, text: `${d.name}: ${text}` });

  switch (d.key.trim().toLowerCase()) {
    case "discovery": {
      if (longMono) return act(longMono.startMs, `instead of the ${duration(longMono.ms)} stretch of talking here, ask what the problem costs them and who else decides.`);
      const pain = customerLine((t) => PAIN.test(t));
      return pain
        ? act(pain.startMs, "when the customer described this problem, ask what it costs them and who else is involved before moving on.")
        : act(firstOwn, "open with questions about how they run workflows today and what goes wrong, before presenting anything.");
    }
    case "objection_handling":
    case "technical_objections": {
      const open = findings.find((f) => f.resolved !== "YES" && (d.key !== "technical_objections" || TECHNICAL.has(f.type)));
      return open
        ? act(open.line.startMs, `when the customer raised the ${objectionWord(open.type)} concern, ask what is behind it, answer with a concrete example, then check "does that address it?"`)
        : act(lastOwn, "before closing, ask what could stop them from moving forward, so concerns come up while you can still answer them.");
    }
    case "value_articulation": {
      const at = longMono?.startMs ?? trackerHits(view, "pitch")[0]?.line.startMs ?? longestOwn;
      return act(at, "tie what you say here to a problem the customer named (\"you mentioned…\") and back it with a number or a customer example.");
    }
    case "relationship": {
      const pain = customerLine((t) => PAIN.test(t) && t.split(/\s+/).length >= 8);
      return pain
        ? act(pain.startMs, "acknowledge how this problem feels for them, and refer back to it by name later in the call.")
        : act(firstOwn, "use the customer's name and refer back to what they told you.");
    }
    case "call_control":
      if (!trackerHits(view, "agenda").length && trackerHits(view, "dated_next").length)
        return act(firstOwn, "open with the purpose, agenda and time available, and check it works for them.");
      return act(lastOwn, "before the call ends, agree a dated next step with named people and send the invite while still on the call.");
    case "technical_discovery":
      return act(firstOwn, "before showing anything, ask how they deploy and schedule today, how many runs a day, and what security rules apply.");
    case "technical_accuracy": {
      const claim = trackerHits(view, "overclaim")[0];
      return claim
        ? act(claim.line.startMs, "replace the blanket claim here with a specific answer, or say you will confirm it by a date.")
        : act(longestOwn, "when a detail is uncertain, say you will confirm it and name the date you will.");
    }
    case "architecture_fit": {
      const constraint = customerLine((t) => tracker("architecture")(t) || /\b(security|compliance|residency|on-?prem)\b/i.test(t));
      return act(constraint?.startMs ?? firstOwn, "sketch where workers would run, how code is deployed and what Horizon would see, within their rules.");
    }
    case "demo_effectiveness":
      return act(longMono?.startMs ?? longestOwn, "pause here and ask whether this is what their team would want to see, then show a failure and how it recovers.");
    case "value_realisation":
      return act(firstOwn, "open with the goals they bought for and the numbers that show progress, then agree the next goal.");
    case "risk_detection": {
      const risk = customerLine((t) => CUSTOMER_RISK.test(t));
      return risk
        ? act(risk.startMs, "ask what is behind this and agree a concrete step to reduce the risk, with an owner.")
        : act(lastOwn, "before closing, ask directly whether anything has changed in the team, priorities or budget.");
    }
    case "expansion": {
      const team = customerLine(tracker("expansion_terms"));
      return team
        ? act(team.startMs, "ask how that team runs its workflows today and offer to show them what this team set up.")
        : act(lastOwn, "ask which other teams or workloads still run outside Prefect.");
    }
    case "adoption_health": {
      const blocker = customerLine((t) => /\b(block\w*|stuck|hard|difficult|not using|haven't|confus\w*)\b/i.test(t));
      return act(blocker?.startMs ?? firstOwn, "ask which teams are not using it yet and what blocks them, and offer a dated enablement session.");
    }
    default:
      return act(firstOwn, `scored ${d.score}; pick one moment like this on the next call to practise it deliberately.`);
  }
}

const PRODUCTS: Record<string, string> = { prefect: " about Prefect", horizon: " about Horizon", both: " about Prefect and Horizon" };

function summarise(view: SubjectView, findings: ObjectionFinding[], dimensions: Dim[]): string {
  const { subject, call } = view;
  const type = callTypeName(call.callType);
  const on = `${/^[aeiou]/i.test(type) ? "an" : "a"} ${type}${PRODUCTS[call.product.trim().toLowerCase()] ?? ""}`;
  const role = `${subject.role}${subject.roleAssumed ? ", role assumed" : ""}`;
  const m = view.metrics;
  const parts: string[] = [];
  if (!view.own.length || !m || m.talkMs === 0) parts.push(`${firstName(subject.name)} did not speak`);
  else parts.push(`talked ${percent(m.talkRatio)} of the time`, `asked ${count(m.questionCount, "question")}`);
  const resolved = findings.filter((f) => f.resolved === "YES").length;
  parts.push(findings.length ? `${count(findings.length, "customer objection")} came up (${resolved} resolved)` : "no customer objections came up");
  const first = `Heuristic review of ${subject.name} (${role}) on ${on}: ${listing(parts)}.`;
  if (!dimensions.length) return first;
  const sorted = dimensions.map((d, i) => ({ d, i })).sort((a, b) => b.d.score - a.d.score || a.i - b.i);
  const best = sorted[0].d;
  const worst = sorted[sorted.length - 1].d;
  return sorted.length === 1
    ? `${first} ${best.name}: ${best.score}.`
    : `${first} Strongest: ${best.name} (${best.score}); weakest: ${worst.name} (${worst.score}).`;
}

/** Reviews the call as a whole for the subject, given the dimension scores already produced. */
export function heuristicCallReview(call: CallForAnalysis, subject: AnalysisSubject, dimensions: Dim[]): CallReviewAnswer {
  const view = subjectView(call, subject);
  const findings = findObjections(call);
  const ranked = dimensions.map((d, i) => ({ d, i })).sort((a, b) => a.d.score - b.d.score || a.i - b.i).map(({ d }) => d);
  const weak = ranked.filter((d) => d.score < 80);
  const targets = (weak.length ? weak : ranked).slice(0, weak.length ? MAX_ACTIONS : 1);
  return {
    summary: summarise(view, findings, dimensions),
    keyMoments: keyMoments(view, findings),
    actions: targets.map((d) => actionFor(d, view, findings)),
    objections: findings.map(({ type, quote, response, resolved }) => ({ type, quote, response, resolved })),
  };
}
