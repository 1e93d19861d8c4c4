/**
 * The heuristic (offline) scorer: deterministic, scores in range, evidence quoted verbatim from the
 * subject's own lines, discovery rewarded for questions and listening, objections typed and resolved
 * from the customer's reaction, and a call review with bounded moments and actions.
 */
import fs from "node:fs";
import path from "node:path";
import { computeCallMetrics } from "../../src/analysis/metrics";
import { detectObjections, heuristicCallReview, heuristicDimension, HEURISTIC_VERSION } from "../../src/analysis/heuristic";
import type { AnalysisSubject, CallForAnalysis, DimensionSpec, ScoredRole, TranscriptLine } from "../../src/analysis/types";

// ---------------------------------------------------------------------------------------------
// Synthetic calls

const PEOPLE = {
  ae: { name: "Maya Chen", side: "INTERNAL" },
  se: { name: "Priya Natarajan", side: "INTERNAL" },
  csm: { name: "Tom Becker", side: "INTERNAL" },
  cust: { name: "Rachel Okafor", side: "EXTERNAL" },
} as const;
type Who = keyof typeof PEOPLE;

/** [speaker, text] takes about 0.4 s a word; [speaker, text, seconds] sets the length; ["pause", seconds] skips time. */
type Step = [Who, string] | [Who, string, number] | ["pause", number];

function buildCall(callType: string, steps: Step[]): CallForAnalysis {
  const lines: TranscriptLine[] = [];
  let t = 1_000;
  for (const step of steps) {
    if (step[0] === "pause") {
      t += step[1] * 1000;
      continue;
    }
    const [who, text, seconds] = step as [Who, string, number?];
    const ms = seconds !== undefined ? seconds * 1000 : Math.max(1_500, text.split(/\s+/).length * 400);
    lines.push({ seq: lines.length, participantId: who, speakerName: PEOPLE[who].name, side: PEOPLE[who].side, startMs: t, endMs: t + ms, text });
    t += ms + 800;
  }
  const participants = (Object.keys(PEOPLE) as Who[]).map((key) => ({ key, side: PEOPLE[key].side }));
  const metrics = computeCallMetrics(
    participants,
    lines.map((l) => ({ speaker: l.participantId, startMs: l.startMs, endMs: l.endMs, text: l.text })),
    t,
  );
  return { callId: `call-${callType}`, title: `Test ${callType}`, callType, product: "horizon", startedAt: null, durationMs: t, lines, metrics };
}

const subjectOf = (who: Who, role: ScoredRole): AnalysisSubject => ({ participantId: who, repId: `rep-${who}`, name: PEOPLE[who].name, role, roleAssumed: false });
const AE = subjectOf("ae", "AE");
const SE = subjectOf("se", "SE");
const CSM = subjectOf("csm", "CSM");

function rubric(role: "ae" | "se" | "csm"): DimensionSpec[] {
  const file = path.join(__dirname, "..", "..", "knowledge", "rubrics", `${role}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")).dimensions.map((d: Omit<DimensionSpec, "version">) => ({ ...d, version: "test" }));
}
const AE_DIMS = rubric("ae");
const SE_DIMS = rubric("se");
const CSM_DIMS = rubric("csm");
const dim = (dims: DimensionSpec[], key: string) => {
  const d = dims.find((x) => x.key === key);
  if (!d) throw new Error(`no dimension ${key}`);
  return d;
};

const CUSTOMER_ANSWER =
  "Honestly it's a mix of cron jobs on two old servers and a self-managed Airflow cluster, and when something fails at night nobody notices until the finance team complains the next morning.";

const GOOD_DISCOVERY = buildCall("discovery", [
  ["ae", "Hi Rachel, thanks for making the time today."],
  ["cust", "Happy to, thanks for setting it up."],
  ["ae", "We have thirty minutes; I'd like to spend most of it on how your team runs pipelines today. Does that work?"],
  ["cust", "Yes, that works for me."],
  ["ae", "Could you walk me through how your nightly jobs run today?"],
  ["cust", CUSTOMER_ANSWER],
  ["ae", "What happens when one of them fails?"],
  ["cust", "We find out from the dashboard users, usually hours later, and then two engineers spend the morning re-running things by hand and checking the numbers line by line."],
  ["ae", "How often does that happen in a typical month?"],
  ["cust", "Three or four times a month at least, and the worst one last quarter delayed the board report by two days, which got a lot of attention from our CFO."],
  ["ae", "What does a morning like that cost the team?"],
  ["cust", "Roughly two engineers for half a day each time, so maybe thirty or forty hours a month that should be going into the new customer analytics platform instead."],
  ["ae", "Why hasn't the Airflow cluster solved it?"],
  ["cust", "Because nobody really owns it, the person who set it up left last year and the upgrades keep slipping, so half the team is afraid to touch the configuration at all."],
  ["ae", "Who else would need to be comfortable before you brought in a managed service?"],
  ["cust", "My director Marcus signs off on anything platform related, and our security team runs a review for anything that touches production data or credentials."],
  ["ae", "What would the security review look for?"],
  ["cust", "Mostly where our data goes, whether we can use single sign-on, and whether the vendor has a recent audit report they can share with us before we sign."],
  ["ae", "Which other options are you looking at?"],
  ["cust", "We are also looking at managed Airflow, mainly because it would be the least change for the existing pipelines, although the developer experience is not great."],
  ["ae", "How will you and Marcus decide between them?"],
  ["cust", "Probably on total cost over two years and how much of our own time each option frees up, plus how quickly we could move the worst cron jobs over."],
  ["ae", "So: cron and Airflow side by side, about forty hours a month lost to re-runs, and Marcus plus security decide. Did I miss anything?"],
  ["cust", "No, that's a fair summary, and the board report delay is really what got this on the agenda."],
  ["ae", "Let's book a technical session with our engineer on Thursday at 2pm with you and Marcus; I'll send the invite now."],
  ["cust", "Sounds good, Thursday works."],
]);

const PITCH = buildCall("discovery", [
  ["ae", "Thanks for joining, let me tell you about our company and our platform before we get into anything else.", 30],
  ["ae", "We are the industry-leading orchestration platform, with a robust and powerful engine that teams all over the world use for their data work.", 40],
  ["ae", "Our platform gives you flows, deployments, work pools and automations, and we also have a seamless integration story with every warehouse.", 40],
  ["ae", "We offer a managed cloud, we offer hybrid execution, we offer enterprise features, and we provide support around the clock.", 40],
  ["ae", "Let me show you the dashboard, here you can see the runs, and here you can see the deployments page and the settings page.", 40],
  ["ae", "We also have a powerful events system and a robust set of integrations that cover basically anything you could want.", 40],
  ["ae", "Our customers love it and the product is really the best in its category for any kind of workload you have.", 40],
  ["ae", "Does that make sense?", 3],
  ["cust", "Sure, I think so.", 3],
  ["ae", "Great, so our pricing is simple and I can send some stuff over, let me know what you think.", 20],
  ["cust", "Okay.", 2],
]);

const OBJECTIONS = buildCall("negotiation", [
  ["ae", "Thanks for joining, Rachel; the goal today is to agree pricing and the rollout plan."],
  ["cust", "Honestly, Horizon looks expensive for a team our size."],
  ["cust", "And the price per seat worries me too."],
  ["ae", "That's fair. Expensive compared to what you spend running Airflow yourselves today, or to the budget you have in mind? One of our customers your size saved 2 engineers' worth of upkeep. Does that address it?"],
  ["cust", "Okay, that makes sense."],
  ["pause", 70],
  ["cust", "Our security team will want SOC 2 and single sign-on before anything else."],
  ["ae", "We have a SOC 2 Type II report and SSO is included; I'll send the report today."],
  ["cust", "We'll read it."],
  ["pause", 60],
  ["ae", "On the rollout, we would start with the five noisiest cron jobs."],
  ["cust", "That part is reasonable."],
  ["pause", 30],
  ["cust", "I still worry about the security review, our infosec lead is strict about vendors."],
  ["ae", "Would a call with our security team help?"],
  ["cust", "Maybe. Also we can't start before next quarter anyway."],
  ["ae", "Understood, we can plan around that."],
  ["cust", "We'll see."],
  ["pause", 240],
  ["ae", "Let's book a follow-up for Thursday at 2pm with your infosec lead."],
  ["cust", "Sure."],
]);

const CSM_CALL = buildCall("qbr", [
  ["csm", "Hi Rachel, thanks for joining the quarterly review; last time I promised the audit log answer, so here it is."],
  ["cust", "Thanks, that was on my list."],
  ["csm", "When we started, the goal was to stop the Monday re-runs; your failed-run rate is down from 8% to under 1%. Does that match what the team feels?"],
  ["cust", "Yes, mostly, although budgets are tight next year and my manager is leaving in March."],
  ["csm", "Who will own the platform after she moves? Could we meet them together before she leaves?"],
  ["cust", "Probably Sam, and yes, that would help."],
  ["csm", "You mentioned the ML team still runs training jobs from cron; would it help if I showed their lead what your team set up?"],
  ["cust", "That could be useful, they struggle with retries."],
  ["csm", "Only two of your five teams have deployed flows; what's stopping the others? I can run an enablement session on Tuesday."],
  ["cust", "Mostly time, Tuesday works."],
]);

const ALL_CALLS = { GOOD_DISCOVERY, PITCH, OBJECTIONS, CSM_CALL };

// ---------------------------------------------------------------------------------------------

describe("heuristic scorer", () => {
  it("has a version to record with each analysis", () => {
    expect(HEURISTIC_VERSION).toMatch(/^heuristic-\d+$/);
  });

  it("is deterministic: same input, same output, whatever ran before", () => {
    const run = () => ({
      dims: [...AE_DIMS, ...SE_DIMS, ...CSM_DIMS].map((d) => heuristicDimension(d, GOOD_DISCOVERY, AE)),
      review: heuristicCallReview(OBJECTIONS, AE, [{ key: "discovery", name: "Discovery", score: 55 }]),
      objections: detectObjections(OBJECTIONS),
    });
    const first = run();
    // Run other calls in between (shared regexes must not carry state) and on a deep copy of the input.
    for (const call of Object.values(ALL_CALLS)) for (const d of AE_DIMS) heuristicDimension(d, call, AE);
    expect(run()).toEqual(first);
    const copy = structuredClone(GOOD_DISCOVERY);
    expect(AE_DIMS.map((d) => heuristicDimension(d, copy, AE))).toEqual(first.dims.slice(0, AE_DIMS.length));
  });

  const cases: [string, CallForAnalysis, AnalysisSubject, DimensionSpec[]][] = [];
  for (const [name, call] of Object.entries(ALL_CALLS)) {
    cases.push([`${name} / AE`, call, AE, AE_DIMS], [`${name} / SE rubric`, call, AE, SE_DIMS], [`${name} / CSM rubric`, call, AE, CSM_DIMS]);
  }
  cases.push(["CSM_CALL / CSM", CSM_CALL, CSM, CSM_DIMS], ["GOOD_DISCOVERY / silent SE", GOOD_DISCOVERY, SE, SE_DIMS]);

  it.each(cases)("%s: integer scores 0–100, heuristic rationale, 1–3 improvements, verbatim evidence", (_name, call, subject, dims) => {
    const own = call.lines.filter((l) => l.participantId === subject.participantId).map((l) => l.text);
    for (const d of dims) {
      const a = heuristicDimension(d, call, subject);
      expect(Number.isInteger(a.score)).toBe(true);
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      expect(a.rationale).toMatch(/^Heuristic estimate: .+\.$/);
      expect(a.strengths.length).toBeLessThanOrEqual(3);
      expect(a.improvements.length).toBeGreaterThanOrEqual(1);
      expect(a.improvements.length).toBeLessThanOrEqual(3);
      expect(a.evidence.length).toBeLessThanOrEqual(3);
      for (const e of a.evidence) {
        expect(e.speaker).toBe(subject.name);
        expect(e.quote.length).toBeGreaterThan(0);
        expect(e.quote.length).toBeLessThanOrEqual(200);
        expect(own.some((text) => text.includes(e.quote))).toBe(true);
      }
      if (own.length) expect(a.strengths.length).toBeGreaterThanOrEqual(1);
      else expect(a.evidence).toEqual([]);
    }
  });

  it("scores a listening discovery call clearly above a pitch monologue", () => {
    expect(GOOD_DISCOVERY.metrics.participants.get("cust")!.talkRatio).toBeGreaterThan(0.6);
    expect(PITCH.metrics.participants.get("ae")!.longestMonologueMs).toBeGreaterThan(120_000);
    const good = heuristicDimension(dim(AE_DIMS, "discovery"), GOOD_DISCOVERY, AE);
    const pitch = heuristicDimension(dim(AE_DIMS, "discovery"), PITCH, AE);
    expect(good.score).toBeGreaterThanOrEqual(75);
    expect(pitch.score).toBeLessThanOrEqual(50);
    expect(good.score - pitch.score).toBeGreaterThanOrEqual(25);
    expect(good.rationale).toMatch(/\d+ open questions/);
    expect(good.rationale).toMatch(/talk ratio \d+% \(target ≈30% on discovery\)/);
    expect(pitch.improvements.join(" ")).toMatch(/without a break/);
    expect(good.evidence.length).toBeGreaterThanOrEqual(2);
    expect(good.evidence.some((e) => e.quote.endsWith("?"))).toBe(true);
    // Call control: agenda and a dated next step on the good call, "let me know" on the pitch.
    const control = heuristicDimension(dim(AE_DIMS, "call_control"), GOOD_DISCOVERY, AE);
    const vague = heuristicDimension(dim(AE_DIMS, "call_control"), PITCH, AE);
    expect(control.score).toBeGreaterThan(vague.score + 15);
    expect(vague.improvements.join(" ")).toMatch(/let me know/);
  });

  it("returns no evidence when none of the subject's lines match the dimension", () => {
    const quiet = buildCall("discovery", [
      ["cust", CUSTOMER_ANSWER],
      ["ae", "Okay."],
      ["cust", "And the reports are late most weeks."],
      ["ae", "Sure."],
    ]);
    const a = heuristicDimension(dim(AE_DIMS, "discovery"), quiet, AE);
    expect(a.evidence).toEqual([]);
    expect(a.score).toBeLessThan(60);
  });

  it("scores an unknown dimension key from the rubric's own words", () => {
    const spec: DimensionSpec = {
      key: "pricing_discipline",
      name: "Pricing discipline",
      weight: 0.1,
      description: "Presents list pricing clearly and holds it.",
      criteria: ["Quotes list pricing with the seat count and the annual commitment.", "Explains the tier boundaries before any concession."],
      bands: [{ min: 0, label: "Any", description: "Any" }],
      examples: { excellent: ["\"Enterprise tier is list price per seat with an annual commitment.\""], poor: ["Offers a discount straight away."] },
      version: "test",
    };
    const withWords = buildCall("negotiation", [
      ["ae", "Enterprise tier is list pricing per seat, with an annual commitment for twenty seats."],
      ["cust", "Understood."],
      ["ae", "The tier boundaries are about seats and commitment, not features."],
    ]);
    const without = buildCall("negotiation", [
      ["ae", "How was your weekend?"],
      ["cust", "Good, thanks."],
    ]);
    const a = heuristicDimension(spec, withWords, AE);
    const b = heuristicDimension(spec, without, AE);
    expect(a.score).toBeGreaterThan(b.score);
    expect(a.evidence.length).toBeGreaterThanOrEqual(1);
    for (const e of a.evidence) expect(withWords.lines.some((l) => l.participantId === "ae" && l.text.includes(e.quote))).toBe(true);
    expect(b.evidence).toEqual([]);
    expect(a.rationale).toMatch(/rubric's key words/);
  });

  it("scores CSM dimensions from CSM signals", () => {
    const risk = heuristicDimension(dim(CSM_DIMS, "risk_detection"), CSM_CALL, CSM);
    expect(risk.rationale).toMatch(/1 of 1 customer risk signal followed up/);
    expect(risk.evidence.map((e) => e.quote)).toContain("Who will own the platform after she moves?");
    const value = heuristicDimension(dim(CSM_DIMS, "value_realisation"), CSM_CALL, CSM);
    const valueOnPitch = heuristicDimension(dim(CSM_DIMS, "value_realisation"), PITCH, AE);
    expect(value.score).toBeGreaterThan(valueOnPitch.score);
  });
});

describe("detectObjections", () => {
  const found = detectObjections(OBJECTIONS);

  it("types the customer's objections, one per type per minute", () => {
    expect(found.map((o) => o.type)).toEqual(["PRICING", "SECURITY", "SECURITY", "TIMING"]);
  });

  it("marks pricing resolved, the repeated security concern unresolved and timing unclear", () => {
    expect(found.map((o) => o.resolved)).toEqual(["YES", "NO", "UNCLEAR", "UNCLEAR"]);
  });

  it("quotes the customer's sentence verbatim and summarises our answer", () => {
    const customer = OBJECTIONS.lines.filter((l) => l.side === "EXTERNAL").map((l) => l.text);
    for (const o of found) expect(customer.some((t) => t.includes(o.quote))).toBe(true);
    expect(found[0].quote).toBe("Honestly, Horizon looks expensive for a team our size.");
    expect(found[3].quote).toBe("Also we can't start before next quarter anyway.");
    expect(found[0].response).toMatch(/^Maya Chen acknowledged it, asked a question, gave a concrete example and checked it was resolved: "That's fair\./);
    expect(found[1].response).toContain("We have a SOC 2 Type II report");
  });

  it("says so when nobody answered", () => {
    const call = buildCall("discovery", [
      ["ae", "Any questions before we wrap up?"],
      ["cust", "Only that we are happy with what we have, to be honest."],
    ]);
    expect(detectObjections(call)).toEqual([{ type: "NEED", quote: "Only that we are happy with what we have, to be honest.", response: "No response on the call.", resolved: "UNCLEAR" }]);
  });

  it("ignores our own side, settled concerns and names that look like triggers", () => {
    const call = buildCall("negotiation", [
      ["ae", "Our price is expensive compared to cron, I know."],
      ["cust", "Hannah Price runs the data team."],
      ["cust", "Security signed off last week."],
    ]);
    expect(detectObjections(call)).toEqual([]);
  });
});

describe("heuristicCallReview", () => {
  const dims = AE_DIMS.map((d) => ({ key: d.key, name: d.name, score: heuristicDimension(d, OBJECTIONS, AE).score }));
  const review = heuristicCallReview(OBJECTIONS, AE, dims);

  it("summarises the call type, the person and the strongest and weakest dimension", () => {
    const sorted = [...dims].sort((a, b) => b.score - a.score);
    expect(review.summary).toMatch(/^Heuristic review of Maya Chen \(AE\) on a negotiation call about Horizon: /);
    expect(review.summary).toContain("4 customer objections came up (1 resolved)");
    expect(review.summary).toContain(`Strongest: ${sorted[0].name} (${sorted[0].score})`);
    expect(review.summary).toContain(`weakest: ${sorted[sorted.length - 1].name} (${sorted[sorted.length - 1].score})`);
  });

  it("lists key moments in call order, including each objection and the next step", () => {
    const at = review.keyMoments.map((m) => m.atMs);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(review.keyMoments.length).toBeLessThanOrEqual(10);
    expect(review.keyMoments.filter((m) => m.text.startsWith("Customer raised")).length).toBe(4);
    expect(review.keyMoments.at(-1)?.text).toMatch(/^Next step: "Let's book a follow-up for Thursday at 2pm/);
    const lineStarts = new Set(OBJECTIONS.lines.map((l) => l.startMs));
    for (const m of review.keyMoments) expect(lineStarts.has(m.atMs)).toBe(true);
    expect(review.objections).toEqual(detectObjections(OBJECTIONS));
  });

  it("keeps at most ten key moments on a call full of them", () => {
    const steps: Step[] = [["ae", "Could you walk me through your setup?"]];
    const concerns = ["It looks expensive.", "Security will need SOC 2.", "Not before next quarter.", "We're also evaluating Dagster.", "I need to check with my boss.", "We're fine with cron."];
    for (let i = 0; i < 12; i++) steps.push(["cust", concerns[i % concerns.length]], ["ae", "Tell me more about that?"], ["pause", 65]);
    steps.push(["ae", "Let's meet again on Friday at 10am."]);
    const busy = buildCall("discovery", steps);
    const r = heuristicCallReview(busy, AE, []);
    expect(detectObjections(busy)).toHaveLength(12);
    expect(r.keyMoments).toHaveLength(10);
    const at = r.keyMoments.map((m) => m.atMs);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(r.actions).toEqual([]);
  });

  it("gives at most three actions, aimed at the weakest dimensions and tied to a moment", () => {
    const scores = [
      { key: "discovery", name: "Discovery", score: 81 },
      { key: "objection_handling", name: "Objection handling", score: 52 },
      { key: "value_articulation", name: "Value articulation", score: 64 },
      { key: "relationship", name: "Relationship", score: 77 },
      { key: "call_control", name: "Call control and next steps", score: 58 },
    ];
    const r = heuristicCallReview(OBJECTIONS, AE, scores);
    expect(r.actions).toHaveLength(3);
    expect(r.actions.map((a) => a.text.split(":")[0])).toEqual(["Objection handling", "Call control and next steps", "Value articulation"]);
    for (const a of r.actions) expect(typeof a.atMs).toBe("number");
    // The objection action points at the first concern that was not resolved (the security one).
    const security = OBJECTIONS.lines.find((l) => l.text.startsWith("Our security team"))!;
    expect(r.actions[0].atMs).toBe(security.startMs);
    // All strong: one action for the weakest.
    const strong = heuristicCallReview(OBJECTIONS, AE, scores.map((s, i) => ({ ...s, score: 85 + i })));
    expect(strong.actions).toHaveLength(1);
    expect(review.actions.length).toBeLessThanOrEqual(3);
  });
});
