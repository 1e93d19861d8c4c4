/**
 * Sentence templates of the simulator's generated calls: B2B conversations between Prefect's sales
 * team and data teams evaluating or using Prefect (open source) and Prefect Horizon (the managed
 * platform). Slots in braces are filled per call (see dataset.ts), so the same template reads
 * differently across calls. Everything here is fictional.
 */

/** A customer company: `.example` domain, what its pipelines move, and what hurts. */
export interface Company {
  name: string;
  domain: string;
  industry: string;
  /** What flows through their pipelines ("claims feeds"). */
  data: string;
  /** A report or product that depends on it ("the loss-ratio dashboard"). */
  report: string;
  /** One-line pain used in briefs. */
  pain: string;
}

export const COMPANIES: Company[] = [
  { name: "Brightwater Insurance", domain: "brightwater-insurance.example", industry: "Insurance", data: "claims feeds", report: "the loss-ratio dashboard", pain: "late claims feeds that delay the actuarial close" },
  { name: "Kestrel Freight", domain: "kestrel-freight.example", industry: "Logistics", data: "carrier tracking events", report: "the dispatch capacity board", pain: "silent failures in carrier tracking loads" },
  { name: "Alderwood Credit Union", domain: "alderwood-cu.example", industry: "Financial Services", data: "core banking extracts", report: "the daily liquidity report", pain: "a brittle nightly batch that misses the regulatory cut-off" },
  { name: "Pinecrest Health", domain: "pinecrest-health.example", industry: "Healthcare", data: "EHR encounter exports", report: "the readmission risk model", pain: "manual reruns of failed EHR exports" },
  { name: "Solstice Energy", domain: "solstice-energy.example", industry: "Energy", data: "smart meter readings", report: "the demand forecast", pain: "forecast jobs that overrun their window during peak season" },
  { name: "Verdant Foods", domain: "verdant-foods.example", industry: "Consumer Goods", data: "point-of-sale files from retailers", report: "the weekly sell-through report", pain: "retailer files that arrive late and break downstream jobs" },
  { name: "Orbital Games", domain: "orbital-games.example", industry: "Gaming", data: "player telemetry", report: "the live-ops dashboard", pain: "telemetry backfills that take days to rerun" },
  { name: "Quarry Analytics", domain: "quarry-analytics.example", industry: "Software", data: "customer usage events", report: "the product analytics warehouse", pain: "an Airflow cluster nobody wants to own" },
  { name: "Harrow & Finch Retail", domain: "harrowfinch.example", industry: "Retail", data: "inventory snapshots", report: "the replenishment model", pain: "stock-out predictions built on stale inventory data" },
  { name: "Tidewater Ports", domain: "tidewater-ports.example", industry: "Logistics", data: "vessel arrival feeds", report: "the berth planning tool", pain: "cron jobs on a single VM with no alerting" },
  { name: "Northstar Robotics", domain: "northstar-robotics.example", industry: "Manufacturing", data: "sensor logs from the factory floor", report: "the predictive maintenance model", pain: "ML training pipelines that fail halfway with no retries" },
  { name: "Crescent Media Group", domain: "crescent-media.example", industry: "Media", data: "ad impression logs", report: "the advertiser billing reconciliation", pain: "billing reconciliations that must be rerun by hand every month" },
  { name: "Maplestone University", domain: "maplestone.example", industry: "Education", data: "enrolment and research datasets", report: "the enrolment forecast", pain: "researchers running pipelines on laptops with no visibility" },
  { name: "Fjord Payments", domain: "fjord-payments.example", industry: "Fintech", data: "transaction settlement files", report: "the settlement reconciliation", pain: "settlement reconciliations that page the team at 3 a.m." },
];

export const CUSTOMER_FIRST = ["Rachel", "Kenji", "Laura", "Nadia", "Greg", "Jamal", "Olivia", "Helen", "Raj", "Aisha", "Ben", "Lucas", "Marta", "Daniel", "Yusuf", "Claire", "Victor", "Amara", "Tobias", "Elif", "Sean", "Mei", "Patrick", "Fatima", "Jonas", "Carmen", "Arjun", "Sophie", "Hugo", "Keisha"];
export const CUSTOMER_LAST = ["Okafor", "Watanabe", "Bianchi", "Petrova", "Holloway", "Reed", "Grant", "Brooks", "Mehta", "Rahman", "Kowalski", "Ferreira", "Nowak", "Schmidt", "Demir", "Dubois", "Larsen", "Mensah", "Keller", "Yilmaz", "Murphy", "Tanaka", "Walsh", "Haddad", "Berg", "Ortiz", "Iyer", "Laurent", "Novak", "Johnson"];
/** Titles of the main (first) customer contact, then of the others. */
export const CHAMPION_TITLES = ["Head of Data Engineering", "Data Platform Lead", "Director of Data Engineering", "VP of Engineering", "Analytics Engineering Manager", "Director of Data and Analytics"];
export const OTHER_TITLES = ["Senior Data Engineer", "Staff Data Engineer", "ML Platform Engineer", "Platform Engineer", "Security Architect", "Procurement Manager", "Analytics Engineer", "Senior Software Engineer", "Data Scientist", "IT Director"];

export const COMPETITORS = ["Airflow", "Dagster", "Astronomer", "AWS Step Functions", "Azure Data Factory", "Control-M"];
export const WAREHOUSES = ["Snowflake", "BigQuery", "Databricks", "Redshift", "Postgres"];
export const CLOUDS = ["AWS", "GCP", "Azure"];
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
export const MONTHS = ["January", "February", "March", "April"];

/** Short acknowledgements, spoken as their own monologue (Gong gives them no topic). */
export const BACKCHANNEL = ["Right.", "Got it.", "Makes sense.", "Okay.", "Mm-hmm.", "Sure.", "Yeah, exactly.", "That's helpful.", "Interesting.", "Understood.", "Yep.", "Okay, good.", "Right, right.", "Fair enough."];

/** Lines Gong could not attribute to a speaker (speakerId null). */
export const UNATTRIBUTED = ["Sorry, you cut out for a second there.", "Can everyone see my screen now?", "I think someone else just joined.", "Sorry, go ahead.", "You might be on mute.", "Hang on, my audio dropped.", "Is that better?"];

/** Small talk at the start (topic null). */
export const SMALL_TALK = {
  rep: [
    "Hi {customer}, good to see you again.",
    "Hey {customer}, thanks for making the time today.",
    "How has your week been so far?",
    "Did you have a good weekend?",
    "I saw the weather out your way has been rough, hope you stayed dry.",
    "Can you hear me okay?",
    "Let me know if my connection gets choppy, I'm on hotel wifi today.",
  ],
  customer: [
    "Hi {rep}, good to see you.",
    "Busy week, but a good one.",
    "Sorry I'm a minute late, the last meeting ran over.",
    "I can hear you fine.",
    "Pretty hectic, we have a release going out on {weekday}.",
    "Not bad at all, thanks for asking.",
  ],
};

/** Per topic: what our side says (`rep`), what an SE says (`se`, when present) and what customers say. */
export interface TopicLines {
  rep: string[];
  se?: string[];
  customer: string[];
}

export const TOPIC_LINES: Record<string, TopicLines> = {
  Introduction: {
    rep: [
      "I have us down for {minutes} minutes, does that still work for you?",
      "My goal today is to understand how your team runs pipelines and where it hurts, and then decide together whether a deeper look makes sense.",
      "Before we dive in, could you give me a quick overview of your role at {company}?",
      "I'd love to hear what prompted you to take this call.",
      "On our side I'm joined by {se}, who leads our technical work with teams like yours.",
      "Just so you know, we record these calls so I can focus on the conversation instead of taking notes, is that okay?",
      "Is there anything specific you want to make sure we cover today?",
    ],
    se: [
      "Hi everyone, I'm {se}, I'm a solutions engineer here and I spend most of my time with platform teams.",
      "Happy to go as deep on the technical side as you want today.",
    ],
    customer: [
      "Sure, I lead the data platform team at {company}, we're {team} engineers.",
      "Recording is fine with me.",
      "That works, I have a hard stop at the top of the hour though.",
      "Mainly I want to understand how Horizon would fit with what we already run.",
      "Honestly, our director asked me to look at orchestration options before budgets lock.",
      "We own everything between the source systems and {report}.",
      "I'd like to leave with a sense of what a migration would actually take.",
    ],
  },
  "Current Process": {
    rep: [
      "Could you walk me through how a typical pipeline runs today, from the source to {report}?",
      "How many scheduled jobs are we talking about, roughly?",
      "What are you using to schedule and monitor those jobs today?",
      "Who gets paged when something fails overnight?",
      "How do you deploy a change to a pipeline today?",
      "Where do the {data} land before they hit {warehouse}?",
      "How long has that setup been in place?",
      "What does the handoff look like between your team and the analysts who consume the data?",
    ],
    customer: [
      "We have around {jobs} scheduled jobs, and most of them run between midnight and six.",
      "About half of it is still cron on a couple of VMs that were set up years ago.",
      "The rest runs on a self-managed {competitor} setup on {cloud}.",
      "The {data} land in object storage first, and then a loader pushes them into {warehouse}.",
      "Deploys are a merge to main and then somebody restarts the scheduler, which is not great.",
      "Whoever is on call gets a Slack message, if the job remembered to send one.",
      "We started writing new work in open-source Prefect a few months ago, maybe {flows} flows so far.",
      "Monitoring is mostly people noticing that {report} looks wrong.",
      "It's grown organically, nobody really designed it.",
      "The analysts just query {warehouse} and assume the data is fresh.",
    ],
  },
  "Pain Points": {
    rep: [
      "What happens when one of those jobs fails silently?",
      "Can you tell me about the last time that went wrong?",
      "What was the impact on the business when that happened?",
      "How often does something like that happen?",
      "How much of the team's week goes into keeping the current setup alive?",
      "If nothing changes, what does the next year look like for your team?",
      "Who else feels that pain outside the data team?",
      "You mentioned upgrades being painful, what makes them hard?",
    ],
    customer: [
      "Last quarter the {data} stopped loading for three days before anyone noticed.",
      "Finance put the cost of that incident at around {incident} dollars.",
      "Something that big happens maybe twice a year, smaller failures two or three times a month.",
      "I'd say one and a half engineers spend their whole week on maintenance.",
      "Upgrading {competitor} broke a handful of custom operators, and it took a full sprint to fix.",
      "The scheduler slows down as we add more jobs, and we keep throwing hardware at it.",
      "Backfills are the worst part, rerunning a month of data takes days of babysitting.",
      "Operations leadership now asks me every Monday whether the data is fresh.",
      "We have no real lineage, so when something breaks we can't tell what's downstream.",
      "Honestly, the on-call rotation is burning people out.",
      "The retries are all hand-rolled, and half of them don't actually work.",
    ],
  },
  Metrics: {
    rep: [
      "If this were solved a year from now, how would you know it worked?",
      "Is there a number your director tracks for this today?",
      "What would those engineers be working on if they got that time back?",
      "So time to detect a failure in minutes instead of days, is that the main metric?",
      "Is there a date attached to that goal?",
    ],
    customer: [
      "First, no silent failures, every failure should reach someone within minutes.",
      "Second, all {jobs} jobs in one place with one way to deploy them.",
      "We'd like to get at least a quarter of the team's time back for product work.",
      "Our target is {report} refreshed by seven every morning, no exceptions.",
      "The real-time project is on the roadmap for the second half of next year, so this has to be done before that.",
      "Mean time to recovery is the one my director watches.",
    ],
  },
  "Decision Process": {
    rep: [
      "Who else would be involved in a decision like this?",
      "How has your team bought tooling like this in the past?",
      "Is there budget set aside for this, or would it need a business case?",
      "What would need to be true for you to recommend us?",
      "When does your budget cycle lock for next year?",
      "Would security need to review a vendor before a pilot?",
    ],
    customer: [
      "I'd make the recommendation, but our VP of Engineering signs off on anything over fifty thousand.",
      "Security will want to see your SOC 2 report before we connect anything.",
      "Budgets lock in {month}, so we'd need a proposal before then.",
      "Procurement usually takes about four weeks once we have a decision.",
      "We'd want a two-week proof of concept on one real pipeline first.",
      "We're also talking to {competitor}, I want to be transparent about that.",
    ],
  },
  "Product Demo": {
    rep: [
      "Let me hand over to {se} to show you what this looks like in practice.",
      "Does that match how you pictured it working?",
      "How would that land with your on-call engineers?",
    ],
    se: [
      "Let me share my screen, this is the Horizon dashboard for a workspace that looks a lot like yours.",
      "Every flow is just a Python function with a decorator, so your existing code mostly stays as it is.",
      "Here you can see each run of the {data} pipeline with its state, duration and logs in one place.",
      "A deployment ties a flow to a schedule and a work pool, and you create it from the CLI or from CI.",
      "Retries are configured per task, so a flaky API call retries three times with a backoff before anything fails.",
      "Automations watch for events, so a failed run can page PagerDuty and post to Slack at the same time.",
      "If a run is late or stuck, an automation can cancel it and alert the owner.",
      "Work pools let you decide where runs execute, for example Kubernetes on {cloud} for heavy jobs and a small VM for light ones.",
      "Backfills are just parameterised runs, so rerunning a month of {data} is a loop over dates.",
      "The worker polls Horizon for scheduled work, so nothing needs inbound access to your network.",
      "Your code and your data never leave your infrastructure, Horizon only sees metadata and logs you choose to send.",
      "This view shows which upstream runs feed {report}, so you can see the blast radius of a failure.",
      "Let me trigger a failure on purpose so you can see the alert arrive.",
      "And here's the Slack message with a link straight to the failed task's logs.",
    ],
    customer: [
      "Can we run this against {warehouse} without opening a firewall port?",
      "How does this handle a job that hangs rather than fails?",
      "What does migrating a {competitor} DAG actually look like?",
      "Can different teams have their own workspaces?",
      "That alerting piece alone would save us a lot of pain.",
      "How do secrets get to the worker?",
      "What happens to in-flight runs if the worker restarts?",
      "Okay, that's a lot cleaner than what we have.",
    ],
  },
  Architecture: {
    rep: [
      "{se}, could you walk through how this would sit in their {cloud} account?",
      "Is there anything in your environment that usually trips vendors up?",
    ],
    se: [
      "The worker runs inside your {cloud} account, polls Horizon for work, and starts each run in your own infrastructure.",
      "For Kubernetes, each run becomes a job created from the pool's base job template, so you control resources per deployment.",
      "Secrets stay in your secrets manager, and blocks just reference them by name.",
      "We'd normally start with one work pool per environment, so dev and prod never share workers.",
      "Outbound HTTPS to the Horizon API is the only network requirement.",
      "You can pin image versions per deployment, which makes upgrades a lot less scary.",
      "Concurrency limits protect {warehouse} from being hammered by a big backfill.",
      "The API is the same one the UI uses, so anything you can click you can also script.",
      "Logs stream to Horizon by default, but you can turn that off for sensitive flows.",
      "Event-driven triggers mean a flow can start when a file lands in the bucket instead of polling on a schedule.",
    ],
    customer: [
      "We run everything through a proxy, would the worker respect HTTPS_PROXY?",
      "How many workers would we need for {jobs} jobs?",
      "Our security team will ask where logs are stored.",
      "Can we keep using our existing Docker images?",
      "What's the latency between a scheduled time and the run actually starting?",
      "Does it support private networking on {cloud}?",
    ],
  },
  Security: {
    rep: [
      "I know security is a big part of the decision, what will your team need from us?",
      "I can send over our security package after this call.",
    ],
    se: [
      "Horizon is SOC 2 Type II certified, and I can share the report under NDA.",
      "SSO works with Okta, Entra ID and Google, and SCIM keeps users and teams in sync.",
      "Role-based access control lets you limit who can run or edit each deployment.",
      "Audit logs record every change, and you can export them to your SIEM.",
      "We offer data residency in the EU and the US.",
    ],
    customer: [
      "We'll need SSO and SCIM, that's non-negotiable.",
      "Does the audit log capture who triggered a manual run?",
      "Our security architect will want a copy of the latest pen test summary.",
      "Where is customer metadata stored, and for how long?",
    ],
  },
  Pricing: {
    rep: [
      "Let me walk you through how pricing works for Horizon.",
      "Pricing is based on the number of seats and the tier, not on how many runs you execute.",
      "For a team of your size the Pro tier is usually the right fit.",
      "How does that compare with what you expected?",
      "Does a three-year term change things for your finance team?",
      "I'd rather understand the value first before we talk about discounts.",
    ],
    customer: [
      "That's higher than we budgeted for this year, to be honest.",
      "What's included in onboarding at that tier?",
      "Is there a discount for a multi-year commitment?",
      "We'd need {seats} seats to start, maybe more after the migration.",
      "Procurement will ask for at least {discount} percent off list.",
      "Compared to running {competitor} ourselves, the license is not the expensive part, the people are.",
    ],
  },
  Negotiation: {
    rep: [
      "I can't move on the subscription price, but I can lock it for three years.",
      "What I can do is include onboarding and a first-year ramp on seats.",
      "If we can sign before the end of the quarter, I can hold that ramp.",
      "Which of the redlines matter most to your legal team?",
      "Let me take the liability cap back to our legal team and come back by {weekday}.",
    ],
    customer: [
      "Procurement came back asking for {discount} percent off a three-year term.",
      "The first-year number is what gets me in trouble with finance.",
      "Legal flagged the liability cap and the termination clause.",
      "If you can do the ramp, I think I can get this through committee.",
      "We also need the data processing agreement signed before anything else.",
    ],
  },
  "Proof of Concept": {
    rep: [
      "Let's agree on what success looks like for the proof of concept before we start.",
      "How did the pilot go from your team's point of view?",
      "Were there any surprises during the pilot?",
    ],
    se: [
      "We migrated the {data} pipeline first, since that's the one that pages you most.",
      "Run times dropped by about {pct} percent, mostly because tasks now run in parallel.",
      "We set up two automations, one for failures and one for late runs.",
      "The only blocker was the proxy configuration, which we fixed on day two.",
      "I'd suggest we migrate the next five pipelines together and then your team takes over.",
    ],
    customer: [
      "The team liked it, the local testing story is much better than what we had.",
      "We had one failure during the pilot and the alert reached us in under a minute.",
      "The documentation was good, we didn't need much hand-holding.",
      "My main concern is how long the remaining {jobs} jobs would take to move.",
      "Our engineers want to keep using Prefect after the pilot, which is a good sign.",
    ],
  },
  "Onboarding Plan": {
    rep: [
      "Welcome aboard, we're excited to get started with {company}.",
      "I'll be your main point of contact, and {se} will help on the technical side.",
      "Let's agree on the first three pipelines to migrate.",
      "I'll set up a shared tracker so everyone can see progress.",
      "We'll do weekly check-ins for the first six weeks.",
      "By the end of the month you should have the {data} pipeline running in production on Horizon.",
      "There's also a best practices guide I'll send, it covers naming, work pools and deployments.",
      "Let me also cover the training sessions we offer for new users.",
    ],
    customer: [
      "SSO has to be working before we invite the wider team.",
      "We'd like to start with the {data} pipeline, it's the one that hurts most.",
      "Weekly check-ins work for us.",
      "Can we get the proxy setup documented first?",
      "Our engineers are eager, they've been waiting for this.",
    ],
  },
  "Usage Review": {
    rep: [
      "Let's start with how usage has trended this quarter.",
      "You're now at about {runs} flow runs a month, up from last quarter.",
      "{active} of your {seats} seats are active, which is healthy.",
      "Failure rates are below one percent, which is a big change from where you started.",
      "What's been the biggest win for the team since moving to Horizon?",
      "Is there anything that has been frustrating?",
    ],
    customer: [
      "The team doesn't talk about the scheduler anymore, which is the best compliment I can give.",
      "We moved the last cron jobs off the old VMs last month.",
      "Our new director is asking about lineage, and whether another tool does it better.",
      "Some of the analysts still don't know how to read the run history.",
      "On-call is a lot quieter than it used to be.",
    ],
  },
  Expansion: {
    rep: [
      "You mentioned the ad-sales analytics team, are they running their own pipelines?",
      "Would it make sense to add a workspace for them?",
      "Who owns the budget for that team?",
    ],
    customer: [
      "They're still on {competitor}, and they keep asking how we did our migration.",
      "Two more workspaces would probably cover it.",
      "I'd need to talk to their director before committing to anything.",
      "If the pricing works, I could see us doubling the seats next year.",
    ],
  },
  Renewal: {
    rep: [
      "Your renewal is coming up in {month}, so I wanted to get ahead of it.",
      "Are there any changes in the team that would affect the number of seats?",
      "What would make this renewal an easy yes for your leadership?",
    ],
    customer: [
      "We're planning to renew, but finance wants to see the usage numbers first.",
      "We lost two engineers to reorgs, so we might drop a few seats.",
      "A case study of our migration would help me internally.",
    ],
  },
  "Status Update": {
    rep: [
      "Quick check-in on where things stand.",
      "Did the security review come back yet?",
      "Is there anything blocking you on your side?",
      "Did you get a chance to share the proposal with your VP?",
    ],
    customer: [
      "Security signed off yesterday, so we're clear on that.",
      "Still waiting on procurement, they're slow this time of year.",
      "I shared the proposal, and the feedback was positive.",
      "We had a production incident this week, so things slipped a little.",
    ],
  },
  "Next Steps": {
    rep: [
      "So, next steps.",
      "I'll send a recap with the recording and the slides this afternoon.",
      "Does {weekday} at ten work for the follow-up?",
      "Who else should be on that call from your side?",
      "I'll send the security package and the order form today.",
      "Let's put a date on the proof of concept kickoff.",
      "I'll get you the migration guide and the pricing summary by {weekday}.",
      "Great, thanks everyone, talk soon.",
    ],
    customer: [
      "{weekday} works, I'll bring our security architect.",
      "Send me the invite and I'll forward it to my VP.",
      "Sounds good, thanks for your time.",
      "Let me talk to the team and get back to you by the end of the week.",
      "Can you include the SOC 2 report in that email?",
      "Thanks, this was really helpful.",
    ],
  },
};

/** Common first words that read naturally after a filler ("So, we …"). */
export const LOWERCASABLE = new Set(["We", "The", "That", "Our", "It", "Most", "This", "There", "Every", "Last", "About", "Some", "Deploys", "Whoever", "Monitoring", "Backfills", "Something", "Upgrading", "Finance", "Security", "Procurement"]);
export const FILLERS = ["So, ", "And ", "Honestly, ", "I mean, ", "Yeah, ", "Right now, ", "Well, "];

/** Call kinds: how long, who hosts, and which topics (with their share of the call) in what order. */
export interface CallKind {
  name: string;
  minMinutes: number;
  maxMinutes: number;
  hostRoles: ("AE" | "SE" | "CSM")[];
  /** Probability that an SE joins (when the host is not one). */
  seChance: number;
  segments: [string, number][];
  stage: string;
  stageAtCall: string;
  outcome: { id: string; category: string; name: string };
  nextSteps: string[];
  keyPoints: string[];
}

export const CALL_KINDS: CallKind[] = [
  {
    name: "Discovery", minMinutes: 25, maxMinutes: 45, hostRoles: ["AE"], seChance: 0.15,
    segments: [["Introduction", 0.12], ["Current Process", 0.22], ["Pain Points", 0.26], ["Metrics", 0.12], ["Decision Process", 0.16], ["Next Steps", 0.12]],
    stage: "Qualification", stageAtCall: "Discovery",
    outcome: { id: "MEETING_BOOKED", category: "Answered", name: "Meeting booked" },
    nextSteps: ["Book a technical deep dive with the SE", "Send recap and recording", "Share customer story from a similar team"],
    keyPoints: ["Silent pipeline failures are the main pain", "Maintenance of the current scheduler costs over one engineer", "Budget decision before the end of the year"],
  },
  {
    name: "Horizon Demo", minMinutes: 40, maxMinutes: 60, hostRoles: ["AE"], seChance: 0.9,
    segments: [["Introduction", 0.08], ["Current Process", 0.1], ["Product Demo", 0.48], ["Security", 0.14], ["Pricing", 0.08], ["Next Steps", 0.12]],
    stage: "Technical Validation", stageAtCall: "Qualification",
    outcome: { id: "DEMO_COMPLETED", category: "Answered", name: "Demo completed" },
    nextSteps: ["Send security package", "Send pricing for the Pro tier", "Schedule proof of concept kickoff"],
    keyPoints: ["Alerting and automations resonated with the team", "Security review required before a pilot", "Competitor evaluation in parallel"],
  },
  {
    name: "Technical Deep Dive", minMinutes: 45, maxMinutes: 80, hostRoles: ["SE"], seChance: 1,
    segments: [["Introduction", 0.06], ["Current Process", 0.14], ["Architecture", 0.4], ["Product Demo", 0.24], ["Security", 0.06], ["Next Steps", 0.1]],
    stage: "Technical Validation", stageAtCall: "Technical Validation",
    outcome: { id: "TECHNICAL_WIN", category: "Answered", name: "Technical questions answered" },
    nextSteps: ["Document proxy and worker setup", "Share Kubernetes base job template", "Agree on pilot pipelines"],
    keyPoints: ["Worker runs in the customer's cloud account", "Proxy support is a requirement", "Pilot on the most painful pipeline first"],
  },
  {
    name: "Migration Workshop", minMinutes: 85, maxMinutes: 90, hostRoles: ["SE"], seChance: 1,
    segments: [["Introduction", 0.04], ["Current Process", 0.14], ["Pain Points", 0.08], ["Architecture", 0.34], ["Product Demo", 0.22], ["Proof of Concept", 0.1], ["Next Steps", 0.08]],
    stage: "Proposal", stageAtCall: "Technical Validation",
    outcome: { id: "WORKSHOP_COMPLETED", category: "Answered", name: "Workshop completed" },
    nextSteps: ["Send migration plan for the first five pipelines", "Set up work pools per environment", "Weekly migration check-in"],
    keyPoints: ["Migration plan agreed pipeline by pipeline", "Backfills become parameterised runs", "Concurrency limits protect the warehouse"],
  },
  {
    name: "Proof of Concept Review", minMinutes: 30, maxMinutes: 50, hostRoles: ["AE", "SE"], seChance: 0.8,
    segments: [["Introduction", 0.06], ["Proof of Concept", 0.44], ["Decision Process", 0.18], ["Pricing", 0.16], ["Next Steps", 0.16]],
    stage: "Proposal", stageAtCall: "Technical Validation",
    outcome: { id: "POC_SUCCESS", category: "Answered", name: "Pilot successful" },
    nextSteps: ["Send proposal and order form", "Confirm decision committee date", "Plan rollout of the next pipelines"],
    keyPoints: ["Pilot met its success criteria", "Run times dropped noticeably", "Proposal needed before budgets lock"],
  },
  {
    name: "Pricing and Negotiation", minMinutes: 25, maxMinutes: 45, hostRoles: ["AE"], seChance: 0.05,
    segments: [["Introduction", 0.06], ["Pricing", 0.34], ["Negotiation", 0.38], ["Decision Process", 0.1], ["Next Steps", 0.12]],
    stage: "Negotiation", stageAtCall: "Proposal",
    outcome: { id: "NEGOTIATION", category: "Answered", name: "Terms under negotiation" },
    nextSteps: ["Send revised order form with ramp", "Legal review of liability cap", "Committee decision date confirmed"],
    keyPoints: ["Procurement asked for a multi-year discount", "Price lock and ramp offered instead of discount", "Legal redlines on liability and termination"],
  },
  {
    name: "Onboarding Kickoff", minMinutes: 40, maxMinutes: 60, hostRoles: ["CSM"], seChance: 0.6,
    segments: [["Introduction", 0.08], ["Onboarding Plan", 0.4], ["Architecture", 0.2], ["Security", 0.12], ["Next Steps", 0.2]],
    stage: "Closed Won", stageAtCall: "Closed Won",
    outcome: { id: "ONBOARDING_STARTED", category: "Answered", name: "Onboarding started" },
    nextSteps: ["Set up SSO and SCIM", "Share migration tracker", "Weekly check-ins for six weeks"],
    keyPoints: ["First pipelines to migrate agreed", "SSO is a prerequisite for rollout", "Weekly cadence for the first six weeks"],
  },
  {
    name: "Quarterly Business Review", minMinutes: 45, maxMinutes: 75, hostRoles: ["CSM"], seChance: 0.2,
    segments: [["Introduction", 0.06], ["Usage Review", 0.38], ["Pain Points", 0.14], ["Expansion", 0.24], ["Renewal", 0.08], ["Next Steps", 0.1]],
    stage: "Closed Won", stageAtCall: "Closed Won",
    outcome: { id: "QBR_COMPLETED", category: "Answered", name: "Business review completed" },
    nextSteps: ["Share usage report", "Intro call with the ad-sales analytics team", "Lineage roadmap session"],
    keyPoints: ["Usage and seat activity are healthy", "New director evaluating alternatives", "Expansion to more workspaces discussed"],
  },
  {
    name: "Renewal Check-in", minMinutes: 20, maxMinutes: 35, hostRoles: ["CSM", "AE"], seChance: 0,
    segments: [["Introduction", 0.1], ["Usage Review", 0.3], ["Renewal", 0.4], ["Next Steps", 0.2]],
    stage: "Renewal", stageAtCall: "Renewal",
    outcome: { id: "RENEWAL_ON_TRACK", category: "Answered", name: "Renewal on track" },
    nextSteps: ["Send renewal quote", "Prepare usage summary for finance"],
    keyPoints: ["Renewal expected", "Seat count may change"],
  },
  {
    name: "Quick Sync", minMinutes: 5, maxMinutes: 15, hostRoles: ["AE", "CSM"], seChance: 0,
    segments: [["Status Update", 0.7], ["Next Steps", 0.3]],
    stage: "Proposal", stageAtCall: "Proposal",
    outcome: { id: "FOLLOW_UP", category: "Answered", name: "Follow-up scheduled" },
    nextSteps: ["Chase procurement", "Send the updated proposal"],
    keyPoints: ["Waiting on procurement"],
  },
];

/** Topics that are customer-led (our side asks, the customer talks at length). */
export const CUSTOMER_LED = new Set(["Current Process", "Pain Points", "Metrics", "Decision Process", "Usage Review", "Expansion", "Renewal", "Status Update"]);
/** Topics where the SE (or the host when there is none) presents. */
export const PRESENTER_LED = new Set(["Product Demo", "Architecture", "Security", "Proof of Concept"]);

/** Trackers (Gong's keyword and smart trackers) counted in generated transcripts. */
export const TRACKERS: { id: string; name: string; type: "KEYWORD" | "SMART"; phrases: string[] }[] = [
  { id: "4100000000000000001", name: "Competitors", type: "KEYWORD", phrases: ["Airflow", "Dagster", "Astronomer", "Step Functions", "Data Factory", "Control-M", "cron"] },
  { id: "4100000000000000002", name: "Pricing", type: "KEYWORD", phrases: ["price", "pricing", "discount", "budget", "seats"] },
  { id: "4100000000000000003", name: "Security", type: "SMART", phrases: ["SOC 2", "SSO", "SCIM", "audit log", "security"] },
  { id: "4100000000000000004", name: "Next Steps", type: "SMART", phrases: ["next steps", "follow-up", "recap", "invite", "kickoff"] },
  { id: "4100000000000000005", name: "Alerting", type: "KEYWORD", phrases: ["alert", "Slack", "PagerDuty", "paged", "on call", "on-call"] },
];

/** Manager comments on calls (collaboration.publicComments). */
export const COACHING_COMMENTS = [
  "Great job quantifying the cost of that incident.",
  "Could you have confirmed the decision process before talking price?",
  "Nice recovery on the competitor question.",
  "Let's talk about this monologue in our next one-on-one.",
  "Strong close here, clear owner and date on the next step.",
  "Worth asking who else feels this pain outside the data team.",
  "Good use of silence after the pricing question.",
];

/**
 * Vocabulary drawn afresh at every use (unlike the per-call slots such as {company}), so the
 * generic lines below read differently each time they come up in a long call.
 */
export const VOCAB: Record<string, string[]> = {
  chore: ["restarting stuck tasks", "babysitting backfills", "chasing files that never arrived", "patching the scheduler", "answering whether the data is fresh", "rerunning failed loads by hand", "untangling dependency chains", "rotating credentials that expired", "debugging jobs that only fail at night", "keeping the metadata database healthy"],
  stakeholder: ["our CFO", "the head of operations", "the VP of Product", "the analytics team", "the finance team", "our CTO", "the customer support leads", "the data science group"],
  incidentKind: ["a schema change upstream", "an expired API credential", "a full disk on the scheduler box", "a silently skipped run", "a partner changing their file format", "a deadlock in the warehouse", "a timezone bug in a cron expression", "a worker running out of memory"],
  period: ["month", "quarter", "sprint", "week"],
  timeLoss: ["two days", "most of a week", "a full sprint", "an entire weekend", "three or four hours", "a couple of mornings"],
  fraction: ["a third", "half", "a quarter", "most", "maybe twenty percent"],
  legacy: ["a shell script nobody owns", "the old reporting VM", "a vendor SFTP drop", "a spreadsheet export", "a Jenkins job from years ago", "a stored procedure", "a Lambda function with no tests"],
  n: ["two", "three", "five", "a dozen", "twenty"],
  feature: ["automations", "work pools", "deployments", "the run history", "event triggers", "concurrency limits", "result caching", "task retries", "the run timeline", "incident views", "the event feed", "deployment SLAs"],
  benefit: ["you find out about failures in minutes instead of days", "the on-call engineer gets the logs right in the alert", "a backfill becomes one parameterised run", "a flaky API stops paging anyone at three in the morning", "each team only sees its own flows", "you can rerun just the tasks that failed", "upgrades stop being a project", "nobody has to SSH into a box to see what happened", "late runs get flagged before anyone downstream notices"],
  uiPlace: ["the flow runs page", "the deployment details", "the automations tab", "the work pool view", "the event feed", "the dashboard", "the run timeline"],
  uiThing: ["every run with its state and duration", "the logs for each task", "which upstream runs fed this one", "the retry history", "the parameters this run used", "how long each task took"],
  constraint: ["opening inbound ports", "changing our Docker images", "rewriting the DAGs", "giving you access to our data", "a big-bang migration", "another on-call rotation"],
  capability: ["run everything inside a private VPC", "keep the existing Docker images", "trigger runs from CI", "limit who can edit deployments", "send alerts to PagerDuty", "backfill a month at a time", "split costs by team"],
  yourThing: ["your {warehouse} loads", "the {data}", "{report}", "your dbt models", "your Kubernetes cluster", "your on-call setup", "the partner file feeds"],
  theirThing: ["our {warehouse} loads", "the {data}", "{report}", "our dbt models", "our Kubernetes cluster", "our on-call setup", "the partner file feeds"],
};

/** Customer elaborations: lower-case clauses without final punctuation (an opener and a tail are added). */
export const CUSTOMER_CLAIMS = [
  "we spend {fraction} of the week {chore}",
  "{n} of our pipelines still depend on {legacy}",
  "{stakeholder} checks {report} first thing every morning",
  "we lost {timeLoss} to {incidentKind} last {period}",
  "nobody on the team wants to be on call for {theirThing}",
  "every time we touch {legacy}, something else breaks",
  "the last time we had {incidentKind}, {stakeholder} found out before we did",
  "most of the tribal knowledge sits with one engineer, and she's overloaded",
  "we tried fixing this ourselves about a year ago, but it never got prioritised",
  "our backlog has {n} tickets just about {chore}",
  "the pressure mostly comes from {stakeholder}",
  "{theirThing} is the thing I worry about most",
  "if {theirThing} is late, {stakeholder} escalates within the hour",
  "we've grown the number of jobs a lot faster than the team",
  "new hires take weeks to understand how everything is wired together",
  "a lot of our alerting is really just people noticing",
  "we had {incidentKind} twice this {period} alone",
  "nothing in our current setup tells us what's downstream of a failure",
  "the cost isn't the servers, it's the hours spent {chore}",
  "half of the jobs have no owner listed anywhere",
  "{stakeholder} has started asking for a weekly reliability report",
  "we moved {theirThing} to {cloud} last year, and it helped, but not with scheduling",
];
export const CUSTOMER_OPENERS = ["Honestly, ", "To be fair, ", "The thing is, ", "In practice, ", "From my side, ", "For what it's worth, ", "If I'm candid, ", "", "", "", "", ""];
/** Tails for claims without a comma of their own. */
export const CUSTOMER_TAILS = [".", ".", ".", ".", ".", ", and it's getting worse.", ", so it's definitely on my radar.", ", at least that's my read.", ", if I'm honest.", ", more or less."];

/** Our side's generic follow-up questions. */
export const REP_PROBES = [
  "How does that affect {stakeholder}?",
  "When did that last happen?",
  "How much time would you say goes into {chore}?",
  "Who notices first when {incidentKind} happens?",
  "What have you tried so far?",
  "If you could fix one thing in the next quarter, what would it be?",
  "How does {stakeholder} measure your team today?",
  "What does a bad week look like for you?",
  "Is that a pattern you see elsewhere too?",
  "What would it mean for the team to get that time back?",
  "How are you handling {yourThing} today?",
  "Can you give me an example?",
  "And how often does that happen?",
  "Who owns {legacy} today?",
  "What's the cost when that goes wrong?",
];
/** Our side's acknowledgements and reflections before a question. */
export const REP_REFLECTIONS = [
  "That's really helpful context.",
  "I hear that a lot from teams your size.",
  "That lines up with what we see at other {industry} companies.",
  "Let me make sure I capture that correctly.",
  "So if I heard you right, the real cost is the team's time.",
  "That's a big deal.",
  "Thanks for being so candid about that.",
  "Okay, that makes sense.",
];
/** SE explanations and screen narration. */
export const SE_GENERIC = [
  "With {feature}, {benefit}.",
  "Now if I click into {uiPlace}, you can see {uiThing}.",
  "Here's where I'd use {feature}, because {benefit}.",
  "A lot of teams start with {feature}, because {benefit}.",
  "For {yourThing}, I'd set this up so that {benefit}.",
  "The nice part is that {benefit}.",
  "Let me jump over to {uiPlace} for a second.",
  "You'll notice {uiThing} right here.",
  "We'd configure that in code, so it goes through your normal review process.",
  "Under the hood it's just Python, so your engineers can test it locally.",
  "If you need to, you can also {capability}.",
  "In your case, with {jobs} jobs, I'd start with {feature}.",
  "So picture {incidentKind} at two in the morning: with {feature}, {benefit}.",
  "What I'd suggest for {yourThing} is to start small, and then {benefit}.",
  "This is {uiPlace}, and the first thing to look at is {uiThing}.",
  "Compared to {legacy}, the big difference is that {benefit}.",
  "If we scroll down a bit, you get {uiThing}.",
  "Another team in {industry} uses {feature} for exactly this, and now {benefit}.",
  "The way {feature} work is simple: you declare them next to the flow, and {benefit}.",
  "I'll pause here, because this is usually where questions come up about {feature}.",
  "One thing people miss at first is that {benefit}.",
  "Let me set up a quick example with {yourThing} so it's less abstract.",
  "Without {feature}, you'd end up {chore}, which is exactly what we want to avoid.",
  "From {uiPlace} you can also {capability}.",
];
/** Our side's short insights and stories in a discovery conversation. */
export const REP_INSIGHTS = [
  "We see this a lot: teams outgrow cron long before anyone decides to replace it.",
  "One {industry} team we work with had the same problem with {legacy}.",
  "What usually helps is making failures visible before fixing anything else.",
  "Most teams we talk to underestimate how much time goes into {chore}.",
  "In our experience, the first win is almost always alerting.",
  "A customer of ours cut their on-call pages by more than half in the first quarter.",
  "That's exactly the kind of problem Horizon was built for.",
  "I'd be careful not to boil the ocean on day one.",
  "When {stakeholder} is the one noticing, it usually means the alerting is missing, not the effort.",
  "The teams that get the most out of this start with the pipeline that hurts most.",
];
/** Customer questions and reactions during a demo or technical discussion. */
export const CUSTOMER_PRODUCT = [
  "How would that work with {theirThing}?",
  "Can we {capability} without {constraint}?",
  "Is that included in every tier?",
  "What happens if there's {incidentKind}?",
  "How long did it take other teams to get to that point?",
  "Could we see {uiPlace} for one of the failed runs?",
  "Would we need {constraint}?",
  "How does that scale to {jobs} jobs?",
  "Does that work the same way on {cloud}?",
  "Okay, that would remove a lot of {chore}.",
  "I like that it all lives in code.",
  "Our engineers would appreciate that.",
  "What does {feature} look like for a pipeline that fans out to hundreds of tasks?",
  "Can you show me what {stakeholder} would see?",
  "How would we handle {incidentKind} in that setup?",
  "So we wouldn't need {constraint} at all?",
  "Okay, and where would {theirThing} fit in that picture?",
  "That's different from how {legacy} works today.",
  "How do you version {feature}?",
  "Is there an API for {uiPlace}, or only the UI?",
];
