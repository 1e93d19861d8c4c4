/**
 * Keyword trackers of the heuristic scorer: each recognises one kind of sentence a rep says (an open
 * question, a dated next step, a customer example …) and carries the plain-language strength and
 * improvement shown when it is present or missing. Also the talk-ratio targets by call type.
 */
import { isQuestion } from "./heuristic-text";
import { CLOSING_TALK_RATIO, TALK_RATIO_IDEAL } from "../modules/insights/targets";

export interface TrackerContext {
  /** Matches the first names of the customer's people (null when none are known). */
  customerNames: RegExp | null;
}

export interface Tracker {
  test: (sentence: string, ctx: TrackerContext) => boolean;
  /** Noun for counting in a rationale: "open question" / "open questions". */
  one: string;
  many?: string;
  /** Shown when the tracker is present enough; n is the number of matching sentences. */
  strength?: (n: number) => string;
  /** Shown when it is missing (or, for a negative tracker, present). */
  improvement: string;
}

const WEEKDAY = "monday|tuesday|wednesday|thursday|friday";
const COMPETITORS = "airflow|dagster|astronomer|temporal|step functions|mwaa|argo|luigi|kestra|mage|cloud composer|databricks workflows|cron";

const OPEN_PHRASE = /\b(walk me through|talk me through|tell me (more|about)|help me understand|describe|explain how)\b/i;
const WH_WORD = /\b(how|what|why|who|whom|where|which|when)\b/i;
const CLOSED_START = /^\W*(?:(?:so|and|but|okay|ok|right|now|also|then)[,\s]+)*(do|does|did|is|are|was|were|can|could|would|will|should|have|has|had|any|anything)\b/i;

/** An open question: asks for an explanation rather than a yes or no. */
export function isOpenQuestion(s: string): boolean {
  if (OPEN_PHRASE.test(s)) return true;
  return isQuestion(s) && WH_WORD.test(s) && !CLOSED_START.test(s);
}

export const PAIN = /\b(pain\w*|problems?|hurts?|frustrat\w*|fail\w*|break\w*|broke|broken|flaky|outages?|incidents?|paged|pages|on-call|manual\w*|babysit\w*|struggl\w*|challeng\w*|bottlenecks?|headaches?|firefight\w*|worr\w*|goes wrong|go wrong)\b/i;
const IMPACT = /(\b(costs?|costing|hours?|days?|money|revenue|impact\w*|what happens if|slips?|how much|how long|how often|how many|tied up|downtime|SLAs?|late reports?|who finds out|who notices)\b|[$€£]\s?\d)/i;
const DECISION = /\b(decisions?|decide\w*|sign(s|ed)? off|sign-off|approv\w*|budget\w*|procurement|security review|legal|who else|stakeholders?|champion|timeline|evaluat\w*|criteria|alternatives?|other (tools|options|vendors)|looking at|buying|purchase|contract|paperwork|comfortable)\b/i;
const REFERBACK = /\b(you (said|mentioned|told me|described|brought up|were saying)|earlier you|last time|as you said|like you said|going back to (what|your))\b/i;
const NUMBER = /(\d[\d,.]*\s?(%|percent|x\b|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|engineers?|people|runs?|jobs?|flows?|k\b|times|teams?)|[$€£]\s?\d)/i;
const STORY = /\b(customers? (like|who|that|of ours|in)|one of our customers|another customer|other customers|a customer|we've seen|we have seen|case study|teams like yours|companies like|similar (team|company|setup)|reference (customer|call))\b/i;
const HONESTY = /\b(I'll (confirm|check|find out|get back)|let me (check|confirm|find out)|not (sure|certain)|I don't know|we don't (do|support|have)|doesn't (do|support) that|you're right that|honestly|to be (candid|honest|clear)|real gap|a gap|not a (fit|great fit|good fit)|overkill|limitation)\b/i;
const NEXT_STEP = new RegExp(
  `\\b(next steps?|follow[- ]up|calendar|invite|book (a|the|time|it|us)|schedule (a|the|time|it)|set up (a|the|time)|send (you|over|it|the)|I'll send|pencil (in|it)|loop in|(on|next|this) (${WEEKDAY}|week)|by (${WEEKDAY}|end of (the )?(week|day|month)|eow|eod)|tomorrow|\\d{1,2}(:\\d{2})?\\s?(am|pm)|who else should)\\b`,
  "i",
);
const DATED = new RegExp(`\\b(${WEEKDAY}|tomorrow|next week|\\d{1,2}(:\\d{2})?\\s?(am|pm)|end of (the )?(week|day|month)|\\d{1,2}(st|nd|rd|th))\\b`, "i");
const TECH = /\b(flows?|tasks?|deployments?|work ?pools?|workers?|retr(y|ies)|events?|automations?|SSO|SAML|OIDC|RBAC|VPC|private ?link|Kubernetes|k8s|EKS|GKE|AKS|ECS|Docker|containers?|Helm|blocks?|schedul\w*|concurrency|caching|states?|API|SDK|Python|decorators?|webhooks?|audit logs?|service accounts?|Terraform|CI\/CD|serverless|push pools?)\b/i;
const ARCHITECTURE = /\b(architecture|infrastructure|environment|cluster|network\w*|inbound|outbound|firewall|VPC|private ?link|warehouse|Snowflake|Databricks|BigQuery|Redshift|Postgres|S3|GCS|secrets?|IAM|your (cloud|account|environment|cluster)|hybrid|control plane|metadata|data plane|egress|ingress|run (inside|in your)|alerting|Slack|PagerDuty)\b/i;
const RISK = new RegExp(`\\b(risks?|renewal|renew\\w*|budgets?|cuts?|re-?org\\w*|leaving|moving (teams|on)|new (manager|lead|owner|VP)|churn|competitors?|${COMPETITORS}|usage (dropped|is down)|declin\\w*|frustrat\\w*|escalat\\w*|concerns?|priorit\\w*|headcount|layoffs?|freeze)\\b`, "i");
const ADOPTION = /\b(adoption|adopt\w*|usage|active users|deployed|onboard\w*|enablement|training|workshop|best practices?|work ?pools?|automations?|alerting|blockers?|stopping|stuck|health|runs|failure rate|set ?up)\b/i;

const rx = (re: RegExp) => (s: string) => re.test(s);
const question = (re: RegExp) => (s: string) => isQuestion(s) && re.test(s);

export const TRACKERS = {
  open_question: {
    test: isOpenQuestion,
    one: "open question",
    strength: (n: number) => `Asked ${n} open questions (how, what, why) that let the customer explain in their own words.`,
    improvement: "Ask more open questions (how, what, why, walk me through) and let the customer answer before moving on.",
  },
  pain: {
    test: (s: string) => PAIN.test(s) && (isQuestion(s) || REFERBACK.test(s)),
    one: "question about what goes wrong",
    many: "questions about what goes wrong",
    strength: (n: number) => `Dug into what goes wrong today (${n} questions about failures and pain).`,
    improvement: "Ask what breaks today and who gets paged when it does, before showing anything.",
  },
  impact: {
    test: question(IMPACT),
    one: "question about cost or impact",
    many: "questions about cost or impact",
    strength: () => "Asked what the problem costs them in time, money or missed deadlines.",
    improvement: "Ask what the problem costs them: hours lost, late reports, engineers tied up.",
  },
  decision: {
    test: question(DECISION),
    one: "question on how they will decide",
    many: "questions on how they will decide",
    strength: () => "Asked how the decision will be made: who signs off, budget, other options.",
    improvement: "Ask who else has a say, how they will decide and what else they are looking at.",
  },
  playback: {
    test: rx(/\b(what I'm hearing|if I (understood|heard) (you )?(right|correctly)|let me (play|read) (that|it|this) back|to summari[sz]e|in summary|to recap|did I (miss|get) (anything|that right|it right)|have I got that right|is that (a )?fair (summary|picture))\b/i),
    one: "playback of what was heard",
    many: "playbacks of what was heard",
    strength: () => "Played back what the customer said and checked it was right.",
    improvement: "Sum up what you heard in one sentence and ask \"did I miss anything?\"",
  },
  referback: {
    test: rx(REFERBACK),
    one: "link back to the customer's words",
    many: "links back to the customer's words",
    strength: () => "Tied points back to what the customer said earlier (\"you mentioned…\").",
    improvement: "Link what you say to something the customer told you earlier: \"you mentioned…\".",
  },
  acknowledge: {
    test: rx(/\b(I hear you|that's (fair|a fair|a good|a great|a real|a valid|completely fair|totally fair|understandable)|fair (question|point|concern|enough)|good question|great question|I understand|I get (that|it)|totally understand|you're right|that makes sense|valid concern|reasonable concern|thanks for (raising|flagging|bringing))\b/i),
    one: "acknowledgement",
    strength: () => "Acknowledged concerns before answering them (\"that's fair\").",
    improvement: "Acknowledge a concern before answering it: \"that's fair, tell me more\".",
  },
  confirm: {
    test: rx(/\b(does (that|this) (address|answer|cover|help|make sense|solve|get at)|would (that|this) (help|give|address|cover)|is (that|this) (what you|helpful|enough)|did (that|I) answer|are you comfortable|anything (else|I missed) on that)\b/i),
    one: "check that an answer landed",
    many: "checks that answers landed",
    strength: () => "Checked that answers landed (\"does that address it?\").",
    improvement: "After answering a concern, ask \"does that address it?\"",
  },
  outcome: {
    test: rx(/\b(so (you|your team) (would|could|can|won't|don't|no longer)|which means|that means|means you|you'd (get|save|no longer|not|only|be able)|you would(n't)? (get|save|no longer|not|only|be able)|no longer|saves?|saving|reduc\w*|faster|fewer|less time|instead of|without (having to|needing)|on (its|their) own|automatically|outcome|benefit)\b/i),
    one: "outcome statement",
    strength: () => "Described what would change for the customer, not just what the product does.",
    improvement: "Say what changes for the customer (\"you'd no longer…\") instead of listing features.",
  },
  number: {
    test: rx(NUMBER),
    one: "concrete number",
    strength: () => "Used concrete numbers to make the point.",
    improvement: "Back claims with a number: hours saved, runs a day, failure rate.",
  },
  story: {
    test: rx(STORY),
    one: "customer example",
    strength: () => "Used an example of a similar customer.",
    improvement: "Share a short example of a similar customer and what changed for them.",
  },
  honesty: {
    test: rx(HONESTY),
    one: "candid statement",
    strength: () => "Was candid about limits and offered to confirm what was uncertain.",
    improvement: "When unsure, say so and promise a checked answer by a date.",
  },
  agenda: {
    test: rx(/\b(agenda|purpose of (today|this call|the call)|goal (for|of) (today|this call|the call)|my goal|plan for (today|the call)|we have (\d+|fifteen|twenty|thirty|forty[- ]five|sixty) minutes|I have us down for|spend (about )?(\d+|a few|five|ten|fifteen|twenty) minutes|watch the clock|in the time we have)\b/i),
    one: "agenda statement",
    strength: () => "Opened by agreeing the purpose, agenda and time available.",
    improvement: "Open by agreeing the purpose, agenda and time available.",
  },
  next_step: {
    test: rx(NEXT_STEP),
    one: "next-step mention",
    strength: () => "Steered the call to a concrete next step.",
    improvement: "Close with a concrete next step: who does what, by when, with a meeting on the calendar.",
  },
  dated_next: {
    test: (s: string) => NEXT_STEP.test(s) && DATED.test(s),
    one: "dated next step",
    strength: () => "Put a day and time on the next step.",
    improvement: "Put a day and time on the next step and send the invite during the call.",
  },
  vague_next: {
    test: rx(/\b(let me know|touch base|circle back|ping me|send (you )?(some|over some) (stuff|info|material)|get back to me|whenever you)\b/i),
    one: "vague close",
    improvement: "Replace \"let me know\" with a specific next step you own.",
  },
  courtesy: {
    test: rx(/\b(thanks?|thank you|appreciate\w*|great to (see|meet|talk|hear)|nice to (see|meet)|good to (see|meet|hear)|how are you|how have you been|congrat\w*|glad|no problem|no worries)\b/i),
    one: "thank-you or warm remark",
    many: "thank-yous or warm remarks",
    strength: () => "Kept the tone warm and thanked the customer for their time.",
    improvement: "Thank the customer for specific things they shared.",
  },
  name_use: {
    test: (s: string, ctx: TrackerContext) => ctx.customerNames !== null && ctx.customerNames.test(s),
    one: "use of the customer's name",
    many: "uses of the customer's name",
    strength: () => "Addressed the customer by name.",
    improvement: "Use the customer's name now and then; it keeps the conversation personal.",
  },
  empathy: {
    test: rx(/\b(sorry (to hear|about)|I can imagine|that sounds (hard|tough|frustrating|painful|stressful|rough|like a lot)|must (be|have been) (hard|tough|frustrating|painful|stressful)|that's (rough|tough|frustrating|painful)|I understand)\b/i),
    one: "empathetic remark",
    strength: () => "Showed empathy when the customer described a problem.",
    improvement: "When the customer describes a problem, acknowledge how it feels before moving on.",
  },
  stakeholders: {
    test: rx(/\b(head of|VP|vice president|director|CTO|CIO|CFO|leadership|executive|sponsor|your (manager|boss|lead)|who else|bring in|include|loop in|other stakeholders)\b/i),
    one: "mention of other stakeholders",
    many: "mentions of other stakeholders",
    strength: () => "Brought other people into the picture (manager, executive sponsor).",
    improvement: "Ask who else should be involved and offer to include them next time.",
  },
  follow_through: {
    test: rx(/\b(last time|I promised|as promised|following up on|I said I'd|you asked (about|for|me)|here it is|I looked into|I checked with|got an answer)\b/i),
    one: "follow-through on an earlier promise",
    many: "follow-throughs on earlier promises",
    strength: () => "Followed through on what was promised last time.",
    improvement: "Open by closing the loop on what you promised last time.",
  },
  pitch: {
    test: rx(/\b(our (platform|product|solution|company)|we offer|we provide|we're the|we are the|industry[- ]leading|best[- ]in[- ]class|world[- ]class|let me tell you about|we also have|cutting[- ]edge|seamless\w*|robust|powerful)\b/i),
    one: "generic pitch line",
    improvement: "Cut the generic pitch (\"our platform…\") and ask about their situation instead.",
  },
  overclaim: {
    test: rx(/\b(everyone says that|not (really )?a problem|never a problem|isn't a problem|trust me|scales fine|works (fine|perfectly) for everything|at everything|guarantee\w*|just rewrite)\b/i),
    one: "blanket claim",
    improvement: "Avoid blanket claims (\"never a problem\", \"scales fine\"); give a specific answer or promise to check.",
  },
  discount: {
    test: rx(/\b(discount\w*|special (price|pricing|deal)|knock (it )?(off|down)|\d+ ?% off|cut the price|lower the price|price match)\b/i),
    one: "discount offer",
    improvement: "Don't offer a discount before understanding what is behind the price concern.",
  },
  tech_terms: {
    test: rx(TECH),
    one: "specific technical explanation",
    many: "specific technical explanations",
    strength: () => "Explained the product in specific terms (flows, deployments, work pools, workers).",
    improvement: "Be specific about how it works: flows, deployments, work pools and workers, and where the code runs.",
  },
  architecture: {
    test: rx(ARCHITECTURE),
    one: "architecture point",
    strength: () => "Talked through where it would run in their environment (network, cluster, warehouse, secrets).",
    improvement: "Sketch where workers would run, how code is deployed and how it reaches their warehouse and secrets.",
  },
  migration: {
    test: rx(/\b(migrat\w*|incremental\w*|phase[ds]?|step by step|start (by|with)|wrap (your|the|existing)|team by team|one by one|pilot|proof of concept|POC|side by side|in parallel|first (step|phase|milestone))\b/i),
    one: "migration step",
    strength: () => "Laid out a step-by-step path from today's setup.",
    improvement: "Describe a realistic migration path: start with a few painful jobs, then move the rest team by team.",
  },
  tradeoff: {
    test: rx(/\b(trade-?offs?|risks?|downside|caveat|on the other hand|the catch|limitation|you'd (need|have) to|you would (need|have) to)\b/i),
    one: "trade-off named",
    many: "trade-offs named",
    strength: () => "Named the trade-offs and risks of the proposed design.",
    improvement: "Name at least one trade-off or risk of the design you propose.",
  },
  stack_question: {
    test: question(/\b(deploy\w*|schedul\w*|cron|airflow|dags?|dagster|warehouse|snowflake|databricks|cloud|aws|gcp|azure|kubernetes|k8s|languages?|python|repo\w*|git\w*|ci|secrets?|network|vpc|security|compliance|residency|runs? (a|per) (day|hour)|how many|how long|how often|depend\w*|stack|infrastructure|on-?prem|workers?|alert\w*|fails?|breaks?)\b/i),
    one: "question about their stack",
    many: "questions about their stack",
    strength: (n: number) => `Asked ${n} questions about their current stack and workloads.`,
    improvement: "Ask how they deploy and schedule today, how many runs a day, and what fails most.",
  },
  constraint_question: {
    test: question(/\b(security|network|vpc|firewall|compliance|residency|soc ?2|hipaa|gdpr|sso|rbac|audit|inbound|outbound|on-?prem|air-?gapped|skills?|inside your)\b/i),
    one: "question about constraints",
    many: "questions about constraints",
    strength: () => "Asked about security, network and compliance constraints.",
    improvement: "Ask what security, network or compliance rules the design has to fit.",
  },
  success_question: {
    test: rx(/\b(what (does|would) (success|good|great) look like|how will you (measure|judge|know)|what would need to be true|success criteria|how would you measure)\b/i),
    one: "question about success criteria",
    many: "questions about success criteria",
    strength: () => "Asked what success would look like.",
    improvement: "Ask what success looks like technically: fewer pages, faster recovery, self-service.",
  },
  demo_check: {
    test: rx(/\b(what would you (want|like) to see|is this how|does this look|would your team|any questions (so far|on that)|questions so far|want me to|should I (show|go)|what else would|is this (useful|helpful|relevant)|does this match)\b/i),
    one: "check-in during the demo",
    many: "check-ins during the demo",
    strength: () => "Paused during the demo to check it was relevant.",
    improvement: "Pause after each part of the demo and ask whether that is what their team would want to see.",
  },
  failure_demo: {
    test: rx(/\b(break (this|it|the)|on purpose|make it fail|failures?|what happens when|when (it|this|a (run|task|flow)) fails|recover\w*|crash\w*|retr(y|ies|ied))\b/i),
    one: "failure-and-recovery example",
    strength: () => "Showed what happens when things fail, not only the happy path.",
    improvement: "Show a failure and recovery, not only the happy path.",
  },
  value_terms: {
    test: rx(/\b(goals?|ROI|return on|saved|savings?|fewer|reduc\w*|down from|up from|improv\w*|success|outcomes?|measur\w*|metrics?|KPIs?|incidents?|failed[- ]run rate|failure rate|on time|value)\b/i),
    one: "point about results",
    many: "points about results",
    strength: () => "Talked about the results they got (time saved, failures caught).",
    improvement: "Bring numbers on the results they got: runs automated, failures caught, hours saved.",
  },
  goal_referback: {
    test: rx(/\b(when we started|the goal was|your goals?|you bought|last (review|QBR|quarter)|you set out|original (goal|plan)|we agreed)\b/i),
    one: "check against their original goals",
    many: "checks against their original goals",
    strength: () => "Checked progress against the goals they started with.",
    improvement: "Revisit the goals they bought for and check progress against them.",
  },
  leadership_story: {
    test: rx(/\b(summary for|one-pager|one-page|your (VP|leadership|boss|CFO|CTO|exec\w*)|budget review|present (this|it)|share (this|it) with)\b/i),
    one: "offer to help them report upward",
    many: "offers to help them report upward",
    strength: () => "Offered to help them tell the story to their leadership.",
    improvement: "Offer a short summary they can take to their leadership.",
  },
  risk_terms: {
    test: rx(RISK),
    one: "risk topic raised",
    many: "risk topics raised",
    strength: () => "Talked openly about risks (budget, re-org, competing tools).",
    improvement: "Ask directly about changes in team, priorities or budget.",
  },
  change_question: {
    test: question(/\b(chang\w*|what prompted|who (will|would) own|anything (new|different)|re-?org\w*|priorit\w*|budgets?|plans?|still|leaving|moving|worr\w*)\b/i),
    one: "question about changes",
    many: "questions about changes",
    strength: () => "Asked directly about changes in team, priorities or budget.",
    improvement: "Ask directly whether anything has changed in the team, priorities or budget.",
  },
  mitigation: {
    test: rx(/\b(escalat\w*|loop in|mitigat\w*|let's meet|set up (a|time)|meet (them|her|him) (together|before)|introduce|I'll (talk|speak) to|get (our|an) engineer|executive sponsor|action plan)\b/i),
    one: "mitigation step",
    strength: () => "Agreed a concrete step to reduce a risk.",
    improvement: "When you hear a risk, agree a concrete step to address it and who owns it.",
  },
  expansion_terms: {
    test: rx(/\b(other teams?|another team|more teams|(ML|machine learning|analytics|data science|finance|platform|marketing) team|expan\w*|more workloads|additional|seats|roll(ing)? (it )?out|rollout|next team|introduc\w*|still (on|running|using|runs?) (cron|airflow|a vm)|outside (of )?(prefect|horizon)|across the (company|org))\b/i),
    one: "expansion topic",
    strength: () => "Explored other teams and workloads that could benefit.",
    improvement: "Ask which other teams or workloads still run outside Prefect.",
  },
  adoption_terms: {
    test: rx(ADOPTION),
    one: "point about usage",
    many: "points about usage",
    strength: () => "Discussed how they actually use the product (runs, teams, features).",
    improvement: "Check the usage picture: active users, flows and runs, failure rate, features in use.",
  },
  blocker_question: {
    test: question(/\b(block\w*|stopping|stuck|slow\w*|hard|difficult|missing|what would help|holding)\b/i),
    one: "question about blockers",
    many: "questions about blockers",
    strength: () => "Asked what is blocking wider use.",
    improvement: "Ask what is stopping other teams from using it and offer specific help.",
  },
  best_practice: {
    test: rx(/\b(best practices?|work ?pools?|automations?|alerting|alerts|tip|recommend\w*)\b/i),
    one: "practical tip",
    strength: () => "Shared practical tips (automations, alerting, work pools).",
    improvement: "Share one best practice tied to how they use it (automations, alerting, work pools).",
  },
} satisfies Record<string, Tracker>;

export type TrackerId = keyof typeof TRACKERS;

/** Customer lines that signal a retention risk (for risk detection). */
export const CUSTOMER_RISK = new RegExp(
  `\\b(budgets? (are|is|will be) (tight|cut|frozen|shrinking)|budget cuts?|re-?org\\w*|leaving|moving (to another team|teams|on)|new (manager|lead|owner|VP|director)|churn|(looking at|evaluating|trying) (${COMPETITORS}|other tools|alternatives)|usage (has )?(dropped|is down|declined)|frustrat\\w*|disappoint\\w*|not (happy|sure it's worth)|cancel (the|our) (contract|subscription|renewal)|cancell?ation|downsiz\\w*|layoffs?|hiring freeze|renewal)\\b`,
  "i",
);

/** Talk-ratio targets (our side's share of talk time) by call type, from the one targets module. */
const TALK_TARGETS: Record<string, { target: number; label: string }> = {
  discovery: { target: TALK_RATIO_IDEAL.DISCOVERY.ideal, label: "discovery" },
  demo: { target: TALK_RATIO_IDEAL.DEMO.ideal, label: "a demo" },
  technical_deep_dive: { target: TALK_RATIO_IDEAL.TECHNICAL_DEEP_DIVE.ideal, label: "a technical deep dive" },
  negotiation: { target: TALK_RATIO_IDEAL.NEGOTIATION.ideal, label: "negotiation" },
  closing: { target: CLOSING_TALK_RATIO.ideal, label: "a closing call" },
  renewal: { target: TALK_RATIO_IDEAL.RENEWAL.ideal, label: "a renewal" },
  qbr: { target: TALK_RATIO_IDEAL.QBR.ideal, label: "a QBR" },
  onboarding: { target: TALK_RATIO_IDEAL.ONBOARDING.ideal, label: "onboarding" },
};

/** Normalised call type ("Technical deep dive" → "technical_deep_dive"). */
export const normalCallType = (callType: string): string => callType.trim().toLowerCase().replace(/[\s-]+/g, "_");

export function talkTarget(callType: string): { target: number; label: string } {
  return TALK_TARGETS[normalCallType(callType)] ?? { target: TALK_RATIO_IDEAL.OTHER.ideal, label: "this call" };
}

/** "discovery call", "demo call", "technical deep dive call" … for summaries. */
export function callTypeName(callType: string): string {
  const t = normalCallType(callType);
  if (!t || t === "other" || t === "unknown") return "call";
  return `${t === "qbr" ? "QBR" : t.replace(/_/g, " ")} call`;
}
