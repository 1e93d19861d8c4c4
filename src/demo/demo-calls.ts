/**
 * Bundled demo calls for call-coach, in the combined import form `{ call, transcript }`: `call` is a Gong
 * `/v2/calls/extensive` call object and `transcript` one `/v2/calls/transcript` `callTranscripts[]` element
 * (see src/modules/calls/import/gong-shapes.ts). Times in transcripts are integer milliseconds from the start
 * of the call.
 *
 * Everything here is fictional and was written for this project: the companies, people, e-mail domains
 * (`.example`) and Gong ids are invented. Our side (`@prefect-demo.example`) is always the same four
 * people, with the same Gong userId and speakerId on every call, so per-rep trends span several calls:
 *   Maya Chen (AE), Diego Alvarez (AE), Priya Natarajan (Senior SE), Tom Becker (CSM).
 * The calls deliberately mix strong and weak coaching moments (e.g. an overlong SE monologue on the demo,
 * vague next steps, a CSM who talks too much during onboarding).
 */

/** A bundled demo call, in the combined import form { call, transcript }. */
export interface DemoCall {
  call: Record<string, unknown>;
  transcript: Record<string, unknown>;
}

/** Prefix of every demo call title, so demo data is easy to recognise (and remove). */
export const DEMO_MARKER = "[Demo]";

export const DEMO_CALLS: DemoCall[] = [
  // 1. Northwind Logistics / Discovery: AE discovery, strong open questions, pain, metrics, decision process, pricing/timing objection, demo booked
  {
    call: {
      metaData: {
        id: "9000000000000000101",
        url: "https://demo.app.gong.io/call?id=9000000000000000101",
        title: "[Demo] Northwind Logistics / Discovery",
        scheduled: "2026-10-20T10:00:00-07:00",
        started: "2026-10-20T10:01:47-07:00",
        duration: 833,
        primaryUserId: "7100000000000000011",
        direction: "Conference",
        system: "Zoom",
        scope: "External",
        media: "Video",
        language: "eng",
      },
      parties: [
        { id: "7400000000010100001", emailAddress: "maya.chen@prefect-demo.example", name: "Maya Chen", title: "Account Executive", userId: "7100000000000000011", speakerId: "7200000000000000011", affiliation: "Internal", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010100002", emailAddress: "rachel.okafor@northwind-logistics.example", name: "Rachel Okafor", title: "Data Platform Lead", speakerId: "7300000000010100001", affiliation: "External", methods: ["Invitee", "Attendee"] },
      ],
      content: { brief: "Discovery with Northwind's data platform lead: silent cron failures and Airflow upkeep cost about 1.5 engineers and one $40k incident; budget locks in January. Technical session with the SE booked for next Tuesday." },
      interaction: {
        speakers: [
          { id: "7400000000010100001", userId: "7100000000000000011", talkTime: 294.9 },
          { id: "7400000000010100002", talkTime: 467 },
        ],
      },
    },
    transcript: {
      callId: "9000000000000000101",
      transcript: [
        { speakerId: "7200000000000000011", topic: null, sentences: [
          { start: 3188, end: 6329, text: "Hi Rachel, thanks for making the time." },
          { start: 6630, end: 8929, text: "Can you hear me okay?" },
        ] },
        { speakerId: "7300000000010100001", topic: null, sentences: [
          { start: 9250, end: 10552, text: "Loud and clear." },
          { start: 10728, end: 14905, text: "Sorry I'm a couple of minutes late, our standup ran over." },
        ] },
        { speakerId: "7200000000000000011", topic: "Introduction", sentences: [
          { start: 16114, end: 17919, text: "No problem at all." },
          { start: 18204, end: 23256, text: "I have us down for thirty minutes, does that still work for you?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Introduction", sentences: [
          { start: 24583, end: 29504, text: "It does, but I have a hard stop at the half hour." },
        ] },
        { speakerId: "7200000000000000011", topic: "Introduction", sentences: [
          { start: 30472, end: 32432, text: "Perfect, I'll watch the clock." },
          { start: 32586, end: 41700, text: "My goal is to understand how your team runs pipelines and where it hurts, then decide together whether a deeper look makes sense." },
          { start: 41962, end: 42612, text: "Fair?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Introduction", sentences: [
          { start: 43222, end: 44508, text: "Yes, that works." },
          { start: 44847, end: 50348, text: "I should say up front that we're not in buying mode, we're mostly exploring." },
        ] },
        { speakerId: "7200000000000000011", topic: "Introduction", sentences: [
          { start: 50858, end: 55122, text: "That's completely fine, exploring is exactly what this call is for." },
          { start: 55263, end: 62698, text: "To start, could you walk me through what your data platform team is responsible for at Northwind?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Introduction", sentences: [
          { start: 64018, end: 64668, text: "Sure." },
          { start: 64896, end: 80757, text: "We're a team of six, and we own everything between the operational systems, like the transportation management system and the warehouse scanners, and the analytics layer that the dispatch and finance teams look at every morning." },
          { start: 80968, end: 93703, text: "That means the warehouse loads, the route optimization feature pipelines, and a whole bunch of partner data feeds from carriers, some of which still arrive as files over SFTP." },
          { start: 94019, end: 102667, text: "On a normal day it's somewhere around four hundred scheduled jobs, and the busiest window is between two and five in the morning." },
        ] },
        { speakerId: "7200000000000000011", topic: "Current Process", sentences: [
          { start: 103389, end: 106752, text: "Four hundred jobs across how many different schedulers?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Current Process", sentences: [
          { start: 107501, end: 109884, text: "That's part of the problem, honestly." },
          { start: 109973, end: 116982, text: "About half of them are still cron jobs on two big EC2 boxes that were set up years ago." },
          { start: 117283, end: 129474, text: "Most of the rest run on a self-managed Airflow cluster on EKS, and the newer work, maybe thirty flows, we started writing in open-source Prefect about six months ago." },
        ] },
        { speakerId: "7200000000000000011", topic: "Current Process", sentences: [
          { start: 130740, end: 133808, text: "So three generations of scheduling at once." },
          { start: 133913, end: 138338, text: "What made the team start writing new work in Prefect?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Current Process", sentences: [
          { start: 139719, end: 140952, text: "Mostly developer experience." },
          { start: 141051, end: 150081, text: "Our engineers could write a plain Python function, add a decorator, and test it locally without spinning up a whole Airflow environment." },
          { start: 150435, end: 154989, text: "Retries and logging came for free, which was a nice change." },
        ] },
        { speakerId: "7200000000000000011", topic: "Current Process", sentences: [
          { start: 155600, end: 159782, text: "And how has that gone in practice, six months in?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Current Process", sentences: [
          { start: 160302, end: 162954, text: "Really well for the flows themselves." },
          { start: 163243, end: 171124, text: "The friction is that we run our own Prefect server on a small VM, and nobody really owns it." },
          { start: 171269, end: 177777, text: "When it went down for an afternoon last month, nobody noticed until the next morning." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pain Points", sentences: [
          { start: 178658, end: 181728, text: "You said nobody noticed until the next morning." },
          { start: 181935, end: 187870, text: "Is that a pattern you see elsewhere too, with the cron jobs for example?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pain Points", sentences: [
          { start: 189150, end: 193002, text: "Oh, the cron jobs are the worst of it." },
          { start: 193218, end: 202804, text: "When one fails it just writes to a log file on the box, and nobody reads that file unless something is already on fire." },
          { start: 203010, end: 221563, text: "We've had carrier feeds that silently stopped for three days before a dispatcher called to ask why their capacity dashboard looked frozen, and the worst part was that the job itself was reporting success because the script caught the exception and exited cleanly." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pain Points", sentences: [
          { start: 222017, end: 224336, text: "Three days is a long time." },
          { start: 224497, end: 227550, text: "What was the impact when that happened?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pain Points", sentences: [
          { start: 227877, end: 229660, text: "That one was painful." },
          { start: 229838, end: 246803, text: "Dispatch routed trucks off stale capacity data for most of a week, so we had trucks showing up at docks that were already full and other lanes sitting empty, and we paid expedite fees on a couple hundred shipments to make up for it." },
          { start: 247160, end: 258073, text: "Finance put it at roughly forty thousand dollars, and that's before anyone counted the two days three of us spent backfilling and reconciling the feeds." },
          { start: 258337, end: 266176, text: "It also didn't help our reputation with the operations leadership, who now ask me every Monday whether the data is fresh." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pain Points", sentences: [
          { start: 267574, end: 270038, text: "Forty thousand from a single incident." },
          { start: 270245, end: 272991, text: "How often does something like that happen?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pain Points", sentences: [
          { start: 273415, end: 276222, text: "Something that big, maybe twice a year." },
          { start: 276326, end: 279747, text: "Smaller silent failures, probably two or three a month." },
          { start: 279879, end: 285228, text: "Those usually cost us a morning of somebody's time rather than real money." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pain Points", sentences: [
          { start: 286725, end: 287723, text: "Got it." },
          { start: 287828, end: 294727, text: "And on the Airflow side, what does the day to day look like for the team?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pain Points", sentences: [
          { start: 296122, end: 300405, text: "Airflow is more stable, but it's a constant maintenance tax." },
          { start: 300643, end: 312759, text: "We're two minor versions behind because the last upgrade broke a handful of custom operators that someone wrote before my time, and it took us a full sprint to figure out why." },
          { start: 313016, end: 326240, text: "The scheduler slows down as the DAG folder grows, and every few weeks somebody is restarting pods, tuning the metadata database, or chasing a task that's stuck in queued for no obvious reason." },
          { start: 326609, end: 332217, text: "None of that work shows up on a roadmap, but it eats the week." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pain Points", sentences: [
          { start: 333072, end: 344831, text: "If you had to put a number on it, how much of the team's time goes to keeping Airflow and the cron boxes alive rather than building new pipelines?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pain Points", sentences: [
          { start: 346249, end: 351212, text: "I'd say one and a half engineers, full time, out of six." },
          { start: 351562, end: 357268, text: "That's the number I gave my director when we did planning last quarter." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pain Points", sentences: [
          { start: 357667, end: 360057, text: "That's a quarter of the team." },
          { start: 360455, end: 365776, text: "What would those people be working on if they got that time back?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pain Points", sentences: [
          { start: 366943, end: 368631, text: "The real-time ETA project." },
          { start: 368798, end: 376957, text: "Product has been asking for live delivery estimates for a year, and we keep pushing it because we don't have the hands." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pain Points", sentences: [
          { start: 378353, end: 382482, text: "How does that delay land with the product team?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pain Points", sentences: [
          { start: 383434, end: 384367, text: "Not well." },
          { start: 384563, end: 393354, text: "Our biggest customer asked for live ETAs in their last renewal, so it's starting to show up in commercial conversations too." },
        ] },
        { speakerId: "7200000000000000011", topic: "Metrics", sentences: [
          { start: 394151, end: 394801, text: "Helpful." },
          { start: 395082, end: 400405, text: "If this were solved a year from now, how would you know it worked?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Metrics", sentences: [
          { start: 400989, end: 401830, text: "Good question." },
          { start: 402163, end: 410139, text: "First, no silent failures, meaning every failure pages someone or at least shows up in a channel within minutes." },
          { start: 410450, end: 416505, text: "Second, all four hundred jobs in one place with one way to deploy them." },
          { start: 416877, end: 421042, text: "And third, I want that one and a half engineers back." },
        ] },
        { speakerId: "7200000000000000011", topic: "Metrics", sentences: [
          { start: 422347, end: 431817, text: "So time to detect a failure in minutes instead of days, one place to run everything, and about a quarter of the team's capacity returned." },
          { start: 431970, end: 434034, text: "Did I get that right?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Metrics", sentences: [
          { start: 434663, end: 436626, text: "Yes, that's a fair summary." },
        ] },
        { speakerId: "7200000000000000011", topic: "Metrics", sentences: [
          { start: 437407, end: 445854, text: "Is there a date attached to any of that, or is it more of a general direction right now?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Metrics", sentences: [
          { start: 446438, end: 452518, text: "The ETA project is on the roadmap for the second half of next year." },
          { start: 452610, end: 459372, text: "So realistically the migration has to be mostly done by the end of the second quarter." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 460756, end: 462474, text: "That's a useful anchor." },
          { start: 462704, end: 466575, text: "Who else cares about this besides you and your team?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Decision Process", sentences: [
          { start: 467528, end: 474084, text: "My director, Marcus Lee, cares a lot because the stale data incident landed on his desk." },
          { start: 474420, end: 480647, text: "And our VP of Engineering, Hannah Price, owns the budget for anything platform related." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 481110, end: 487568, text: "If you decided you wanted a managed platform, what would that process look like at Northwind?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Decision Process", sentences: [
          { start: 488920, end: 494313, text: "I'd build the case with Marcus, and he'd take it to Hannah." },
          { start: 494707, end: 500932, text: "Anything over fifty thousand a year also goes through a security review and then procurement." },
          { start: 501025, end: 504644, text: "The security review usually takes three to four weeks." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 505175, end: 509387, text: "What does your security team typically look for in that review?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Decision Process", sentences: [
          { start: 510103, end: 513901, text: "SSO is non-negotiable, and they'll want a SOC 2 report." },
          { start: 514048, end: 520081, text: "They also get nervous about anything that moves shipment data out of our AWS account." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 520738, end: 527120, text: "Good to know early, we'll cover how the hybrid model keeps data in your account." },
          { start: 527489, end: 532771, text: "Besides security, what criteria would you and Marcus use to compare options?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Decision Process", sentences: [
          { start: 534056, end: 536731, text: "Effort to migrate, first of all." },
          { start: 536997, end: 542466, text: "If we have to rewrite four hundred jobs by hand, it's dead on arrival." },
          { start: 542665, end: 548776, text: "Then cost compared to what we spend self-hosting, and how good the alerting is." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 549498, end: 554448, text: "Are you looking at anything else right now, like a managed Airflow service?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Decision Process", sentences: [
          { start: 554877, end: 563177, text: "Marcus asked me to at least price out managed Airflow, since that would be the least change for the existing DAGs." },
          { start: 563304, end: 565457, text: "I haven't done it yet." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 566918, end: 568184, text: "That makes sense." },
          { start: 568498, end: 573814, text: "How would you weigh least change against the developer experience you described with Prefect?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Decision Process", sentences: [
          { start: 574719, end: 584123, text: "Honestly, the team would revolt if I made them write new work in Airflow again, because the last six months in Prefect have spoiled them." },
          { start: 584294, end: 594978, text: "Managed Airflow would fix the upgrades, but it wouldn't fix the cron boxes, and it wouldn't fix the fact that writing and testing a DAG is slow." },
          { start: 595093, end: 601105, text: "But Marcus will ask the question, so I need a clear answer for him." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 601627, end: 602490, text: "Fair enough." },
          { start: 602857, end: 610292, text: "We can cover how teams usually move DAGs over incrementally in the technical session, so you have that answer ready." },
        ] },
        { speakerId: "7300000000010100001", topic: "Pricing", sentences: [
          { start: 611291, end: 611941, text: "Okay." },
          { start: 612251, end: 615246, text: "Can I ask the awkward question, though?" },
          { start: 615385, end: 629472, text: "I looked at your pricing page and I'm a little worried about cost, because open-source Prefect is free and my director is going to ask why we'd pay for something we already run." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 630460, end: 636260, text: "That's a completely fair question, and I'd rather hear it now than later." },
          { start: 636609, end: 643327, text: "What's behind the worry, is it the absolute number or the timing of when you'd need budget?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pricing", sentences: [
          { start: 644513, end: 645413, text: "Honestly, both." },
          { start: 645496, end: 652136, text: "Our budget for next year gets locked in January, and nothing like this is in it right now." },
          { start: 652228, end: 654729, text: "And the free version works, technically." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 655927, end: 656577, text: "Understood." },
          { start: 656721, end: 666479, text: "Let me play back what you told me: roughly one and a half engineers on upkeep, and one silent failure that cost around forty thousand dollars." },
          { start: 666776, end: 675342, text: "Horizon doesn't replace open-source Prefect, it's the same framework with the hosting, alerting, SSO and audit logs handled for you." },
        ] },
        { speakerId: "7300000000010100001", topic: "Pricing", sentences: [
          { start: 675692, end: 677655, text: "Right, I get that part." },
          { start: 677992, end: 680949, text: "It's the budget line I'm worried about." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 682272, end: 691450, text: "Then would it help if we put those numbers side by side before January, so Marcus has them when budgets are set?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pricing", sentences: [
          { start: 692456, end: 694204, text: "That would actually help." },
          { start: 694464, end: 700503, text: "If I can walk into planning with a real comparison, it's a much easier conversation." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 701163, end: 701813, text: "Great." },
          { start: 701978, end: 709019, text: "I'll draft a simple cost comparison using your numbers, and you correct anything I get wrong." },
          { start: 709264, end: 716474, text: "Does that address the concern for now, or is there something else about pricing I should know?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Pricing", sentences: [
          { start: 716932, end: 718623, text: "No, that covers it." },
          { start: 718716, end: 724326, text: "Just know the timing is real, nothing gets signed before the new budget." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 724946, end: 727551, text: "Understood, and I won't pretend otherwise." },
          { start: 727809, end: 731516, text: "Lining this up with January planning actually works well." },
        ] },
        { speakerId: "7300000000010100001", topic: "Pricing", sentences: [
          { start: 732716, end: 733366, text: "Good." },
          { start: 733695, end: 736420, text: "So what would you suggest from here?" },
        ] },
        { speakerId: "7200000000000000011", topic: "Next Steps", sentences: [
          { start: 737432, end: 745259, text: "Given what you've shared, I think the right next step is a technical session with Priya, our senior sales engineer." },
          { start: 745406, end: 754209, text: "She'd show how a cron job and an Airflow DAG move into Prefect, how alerting on failures works, and the security model." },
          { start: 754483, end: 756301, text: "Would that be valuable?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Next Steps", sentences: [
          { start: 757090, end: 758041, text: "Yes, definitely." },
          { start: 758329, end: 764011, text: "I'd want Sam from my team there, he knows the carrier feeds better than anyone." },
        ] },
        { speakerId: "7200000000000000011", topic: "Next Steps", sentences: [
          { start: 764748, end: 765398, text: "Perfect." },
          { start: 765754, end: 771889, text: "Would it make sense to invite Marcus too, since he'll be building the case with you?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Next Steps", sentences: [
          { start: 772927, end: 774301, text: "I'll ask him." },
          { start: 774594, end: 777697, text: "He might join for the first twenty minutes." },
        ] },
        { speakerId: "7200000000000000011", topic: "Next Steps", sentences: [
          { start: 778725, end: 779614, text: "That works." },
          { start: 779802, end: 784310, text: "How does next Tuesday at ten look, for an hour?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Next Steps", sentences: [
          { start: 785600, end: 788088, text: "Tuesday at ten works for me." },
          { start: 788409, end: 791892, text: "I'll check with Sam and Marcus and confirm today." },
        ] },
        { speakerId: "7200000000000000011", topic: "Next Steps", sentences: [
          { start: 793327, end: 793977, text: "Great." },
          { start: 794066, end: 801465, text: "I'll send the invite right after this call with a short agenda, and the cost comparison draft by Friday." },
          { start: 801777, end: 806179, text: "Is there anything you'd like Priya to make sure she covers?" },
        ] },
        { speakerId: "7300000000010100001", topic: "Next Steps", sentences: [
          { start: 807119, end: 812170, text: "Show us what happens when a flow fails at three in the morning." },
          { start: 812428, end: 815001, text: "That's the moment I care about." },
        ] },
        { speakerId: "7200000000000000011", topic: "Next Steps", sentences: [
          { start: 815446, end: 820261, text: "Noted, a failure at three in the morning is the opening scene." },
          { start: 820401, end: 822957, text: "Thanks Rachel, this was really helpful." },
        ] },
        { speakerId: "7300000000010100001", topic: "Next Steps", sentences: [
          { start: 823262, end: 825493, text: "Thanks Maya, talk next week." },
        ] },
      ],
    },
  },
  // 2. Ledgerline Payments / Horizon Demo: AE + SE demo; security objection handled with evidence; one overlong SE monologue; vague next steps
  {
    call: {
      metaData: {
        id: "9000000000000000102",
        url: "https://demo.app.gong.io/call?id=9000000000000000102",
        title: "[Demo] Ledgerline Payments / Horizon Demo",
        scheduled: "2026-10-28T13:00:00-07:00",
        started: "2026-10-28T13:02:09-07:00",
        duration: 715,
        primaryUserId: "7100000000000000012",
        direction: "Conference",
        system: "Zoom",
        scope: "External",
        media: "Video",
        language: "eng",
      },
      parties: [
        { id: "7400000000010200001", emailAddress: "diego.alvarez@prefect-demo.example", name: "Diego Alvarez", title: "Account Executive", userId: "7100000000000000012", speakerId: "7200000000000000012", affiliation: "Internal", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010200002", emailAddress: "priya.natarajan@prefect-demo.example", name: "Priya Natarajan", title: "Senior Sales Engineer", userId: "7100000000000000013", speakerId: "7200000000000000013", affiliation: "Internal", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010200003", emailAddress: "aisha.rahman@ledgerline-payments.example", name: "Aisha Rahman", title: "Head of Data Engineering", speakerId: "7300000000010200001", affiliation: "External", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010200004", emailAddress: "ben.kowalski@ledgerline-payments.example", name: "Ben Kowalski", title: "Senior Security Engineer", speakerId: "7300000000010200002", affiliation: "External", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010200005", emailAddress: "lucas.ferreira@ledgerline-payments.example", name: "Lucas Ferreira", title: "Senior Data Engineer", speakerId: "7300000000010200003", affiliation: "External", methods: ["Invitee", "Attendee"] },
      ],
      content: { brief: "Horizon demo for Ledgerline's data and security teams: deployments, work pools, automations and RBAC on the daily reconciliation flow. Security questions on SOC 2, Okta SSO/SCIM and EU data residency answered; security package and pricing to follow, no follow-up meeting set." },
      interaction: {
        speakers: [
          { id: "7400000000010200001", userId: "7100000000000000012", talkTime: 87.6 },
          { id: "7400000000010200002", userId: "7100000000000000013", talkTime: 393.1 },
          { id: "7400000000010200003", talkTime: 86.6 },
          { id: "7400000000010200004", talkTime: 54.9 },
          { id: "7400000000010200005", talkTime: 35.1 },
        ],
      },
    },
    transcript: {
      callId: "9000000000000000102",
      transcript: [
        { speakerId: "7200000000000000012", topic: "Introduction", sentences: [
          { start: 3460, end: 6021, text: "Good afternoon everyone, thanks for joining." },
          { start: 6141, end: 8543, text: "I see Aisha, Ben and Lucas." },
          { start: 8908, end: 11746, text: "Is anyone else joining from your side?" },
        ] },
        { speakerId: "7300000000010200001", topic: "Introduction", sentences: [
          { start: 12483, end: 13483, text: "That's everyone." },
          { start: 13822, end: 21972, text: "Ben is from our security team, I asked him to join because anything new has to get past him." },
        ] },
        { speakerId: "7200000000000000012", topic: "Introduction", sentences: [
          { start: 22749, end: 25036, text: "Great, glad you're here Ben." },
          { start: 25223, end: 37994, text: "Quick recap from our last call: your team runs about two hundred pipelines for settlement, fraud features and regulatory reporting, and the goals were fewer late reports and less time on infrastructure." },
          { start: 38339, end: 39954, text: "Is that still accurate?" },
        ] },
        { speakerId: "7300000000010200001", topic: "Introduction", sentences: [
          { start: 40356, end: 44610, text: "Yes, and I'd add that the regulatory reports are the priority." },
          { start: 44846, end: 51271, text: "A late report means a conversation with our regulator, not just an annoyed analyst." },
        ] },
        { speakerId: "7200000000000000012", topic: "Introduction", sentences: [
          { start: 52061, end: 55183, text: "Understood, that's a good lens for today." },
          { start: 55349, end: 62112, text: "Priya is going to walk through Horizon, and we'll leave time at the end for questions." },
          { start: 62258, end: 64055, text: "Priya, over to you." },
        ] },
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 65239, end: 67854, text: "Thanks Diego, I'll share my screen." },
          { start: 68059, end: 75233, text: "Before I start, Aisha, which of those regulatory pipelines would you like me to use as the example?" },
        ] },
        { speakerId: "7300000000010200001", topic: "Introduction", sentences: [
          { start: 75855, end: 78231, text: "Let's use the daily transaction reconciliation." },
          { start: 78480, end: 87579, text: "It pulls from three ledgers, reconciles them, and produces a file that has to reach the regulator by seven in the morning." },
        ] },
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 87905, end: 93376, text: "Perfect, I have a similar flow ready and I'll rename things as we go." },
        ] },
        { speakerId: "7300000000010200001", topic: null, sentences: [
          { start: 93726, end: 94670, text: "Go ahead." },
        ] },
        { speakerId: "7200000000000000013", topic: "Deployments", sentences: [
          { start: 95805, end: 99211, text: "What you're looking at is a normal Python file." },
          { start: 99375, end: 107632, text: "The reconcile function has a flow decorator, and each step, pulling each ledger, matching and writing the file, is a task." },
          { start: 107855, end: 113422, text: "Nothing here is specific to Horizon, it runs on a laptop exactly the same way." },
        ] },
        { speakerId: "7300000000010200003", topic: "Deployments", sentences: [
          { start: 114867, end: 118392, text: "So the same code runs locally and in production?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Deployments", sentences: [
          { start: 118801, end: 119451, text: "Exactly." },
          { start: 119635, end: 130167, text: "To put it into production I create a deployment, which says which flow to run, on what schedule, with which parameters and on which infrastructure." },
          { start: 130324, end: 138256, text: "I'll run prefect deploy, pick a schedule of six in the morning Eastern, and now it shows up in the Horizon UI." },
        ] },
        { speakerId: "7300000000010200003", topic: "Deployments", sentences: [
          { start: 138709, end: 142475, text: "Where does the code actually live when it runs?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Deployments", sentences: [
          { start: 143556, end: 144479, text: "Good question." },
          { start: 144630, end: 152128, text: "In this setup it's pulled from your Git repository, or baked into a Docker image in your own registry." },
          { start: 152365, end: 155768, text: "Horizon stores the deployment definition, not your code." },
        ] },
        { speakerId: "7300000000010200003", topic: "Deployments", sentences: [
          { start: 156561, end: 162263, text: "And the parameters, like the business date, can we override those for a rerun?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Deployments", sentences: [
          { start: 163542, end: 174734, text: "Yes, you can trigger a custom run from the UI or the CLI with a different business date, and that run is recorded next to the scheduled ones." },
        ] },
        { speakerId: "7300000000010200003", topic: "Deployments", sentences: [
          { start: 176122, end: 179786, text: "Nice, that's exactly what we do at month end." },
        ] },
        { speakerId: "7200000000000000013", topic: "Work Pools", sentences: [
          { start: 180574, end: 183066, text: "That brings me to work pools." },
          { start: 183197, end: 189131, text: "A work pool describes where runs execute, for example your Kubernetes cluster or ECS." },
          { start: 189405, end: 197517, text: "A worker runs inside your AWS account, polls Horizon for scheduled work, and starts each run in your own infrastructure." },
        ] },
        { speakerId: "7300000000010200001", topic: "Work Pools", sentences: [
          { start: 197880, end: 200655, text: "So the worker only makes outbound calls?" },
          { start: 200956, end: 203840, text: "We don't have to open anything inbound?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Work Pools", sentences: [
          { start: 204334, end: 208922, text: "Correct, the worker only makes outbound HTTPS calls to the API." },
          { start: 209047, end: 213320, text: "Nothing in your network has to accept connections from us." },
        ] },
        { speakerId: "7300000000010200001", topic: "Work Pools", sentences: [
          { start: 213921, end: 217171, text: "Okay, that's going to matter for Ben." },
        ] },
        { speakerId: "7200000000000000013", topic: "Work Pools", sentences: [
          { start: 217771, end: 221161, text: "I'll come back to it in the security part." },
          { start: 221333, end: 229775, text: "For teams that don't want to run infrastructure at all there are also managed work pools where we run the compute." },
          { start: 230097, end: 236666, text: "For regulated data, though, most customers in your space use the hybrid setup I just showed." },
        ] },
        { speakerId: "7300000000010200003", topic: "Automations", sentences: [
          { start: 237322, end: 241119, text: "Can you show what happens when the reconciliation fails?" },
          { start: 241220, end: 243928, text: "That's the part that bites us today." },
        ] },
        { speakerId: "7200000000000000013", topic: "Automations", sentences: [
          { start: 244652, end: 282029, text: "Absolutely, and this is honestly my favorite part of the product, so let me give you the full picture, because automations in Horizon are built on an event system where every state change of every flow run, every task run, every deployment and every work pool emits an event, which means that instead of writing alerting code inside each pipeline you describe triggers once, centrally, for example if any run of a deployment tagged regulatory enters a failed or crashed state, or if a flow run hasn't completed by a given time, which is the one I think matters most for your seven o'clock deadline." },
          { start: 282262, end: 313055, text: "Then for each trigger you choose one or more actions, and the actions can be notifications to Slack or PagerDuty or Microsoft Teams or email, or operational actions like running another deployment, pausing a schedule, cancelling a run or pausing a work pool, so a common pattern we see is that a failed reconciliation automatically kicks off a diagnostic flow that collects the mismatched records and attaches a summary to the alert, so whoever is on call has context before they even open their laptop." },
          { start: 313231, end: 347620, text: "You can also build compound triggers, where you say for example that the alert should only fire if two of the three ledger extracts fail within ten minutes, which is useful when one upstream system is known to be flaky and you don't want to page people at night for something a retry will fix, and speaking of retries, those are configured on the tasks themselves, so a ledger pull could retry three times with a backoff before the flow is ever marked as failed and before any automation fires at all." },
          { start: 347859, end: 384759, text: "And the last thing I'll mention here is that automations can also react to custom events that your own code emits, so if your reconciliation finds a mismatch above a threshold it could emit a reconciliation mismatch event with the amount attached, and an automation could route that to the finance operations channel rather than to engineering, which means the people who can actually fix a ledger discrepancy hear about it first, and I've seen teams cut their response times dramatically once alerts go to the right people instead of a shared inbox that nobody reads." },
        ] },
        { speakerId: "7300000000010200001", topic: "Automations", sentences: [
          { start: 385127, end: 390532, text: "That's a lot to take in, but the late run trigger is interesting." },
          { start: 390612, end: 393375, text: "Can it use the regulator's deadline directly?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Automations", sentences: [
          { start: 394410, end: 395060, text: "Yes." },
          { start: 395250, end: 405593, text: "The trigger would fire if the run hasn't reached a completed state by six forty-five, which gives your on-call fifteen minutes before the file is due." },
        ] },
        { speakerId: "7300000000010200003", topic: "Automations", sentences: [
          { start: 406941, end: 411578, text: "And the retries you mentioned, that's just a parameter on the task?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Automations", sentences: [
          { start: 412622, end: 418537, text: "Right, retries equals three and a retry delay in seconds, on the task decorator." },
          { start: 418896, end: 420710, text: "Nothing else to configure." },
        ] },
        { speakerId: "7300000000010200001", topic: "Access Control", sentences: [
          { start: 421113, end: 422916, text: "Let's talk about access." },
          { start: 423290, end: 429442, text: "We have analysts who should see run status but never trigger a production run." },
        ] },
        { speakerId: "7200000000000000013", topic: "Access Control", sentences: [
          { start: 429883, end: 432706, text: "That's what role-based access control is for." },
          { start: 432863, end: 439595, text: "In Horizon you have workspaces, and within each workspace you assign roles like viewer, runner, developer or owner." },
          { start: 439731, end: 448967, text: "You can also create custom roles with exactly the permissions you want, so your analysts would get a read-only role in the production workspace." },
        ] },
        { speakerId: "7300000000010200001", topic: "Access Control", sentences: [
          { start: 450464, end: 453251, text: "Can we separate production and staging completely?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Access Control", sentences: [
          { start: 454584, end: 462038, text: "Yes, most customers use separate workspaces for development, staging and production, with different people and permissions in each." },
          { start: 462174, end: 467107, text: "Service accounts for CI get their own narrowly scoped role as well." },
        ] },
        { speakerId: "7300000000010200001", topic: "Access Control", sentences: [
          { start: 468579, end: 469229, text: "Good." },
          { start: 469474, end: 473903, text: "That maps to how our change management process works today." },
        ] },
        { speakerId: "7300000000010200002", topic: "Security", sentences: [
          { start: 474871, end: 476322, text: "Okay, my turn." },
          { start: 476633, end: 485240, text: "I have three things I need answered before this goes anywhere: SOC 2, SSO, and where our data lives." },
        ] },
        { speakerId: "7200000000000000012", topic: "Security", sentences: [
          { start: 486549, end: 489160, text: "Those are exactly the right three." },
          { start: 489261, end: 494460, text: "Ben, before Priya answers, can you tell us what your bar is for each?" },
          { start: 494676, end: 498710, text: "For example, is a Type Two report a hard requirement?" },
        ] },
        { speakerId: "7300000000010200002", topic: "Security", sentences: [
          { start: 499865, end: 503920, text: "Type Two, yes, issued within the last twelve months." },
          { start: 504058, end: 507734, text: "SSO has to work with Okta, including deprovisioning." },
          { start: 508123, end: 517943, text: "And data residency is the big one: some of our customers are in the EU and our contracts say their data stays in the EU." },
        ] },
        { speakerId: "7200000000000000013", topic: "Security", sentences: [
          { start: 518416, end: 519692, text: "Thanks, that's clear." },
          { start: 520058, end: 532249, text: "On SOC 2, we have a current SOC 2 Type Two report, and Diego can get it to you under NDA today through our trust portal, along with our latest penetration test summary." },
        ] },
        { speakerId: "7300000000010200002", topic: null, sentences: [
          { start: 532831, end: 533481, text: "Good." },
          { start: 533761, end: 535066, text: "What about SSO?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Security", sentences: [
          { start: 535856, end: 542731, text: "Horizon supports SAML and OIDC single sign-on, and Okta is the most common setup we see." },
          { start: 542850, end: 553871, text: "For deprovisioning we support SCIM, so when someone is removed in Okta they lose access automatically, and their Okta groups can map to roles in Horizon." },
        ] },
        { speakerId: "7300000000010200002", topic: "Security", sentences: [
          { start: 554193, end: 555494, text: "And data residency?" },
          { start: 555582, end: 558251, text: "That's usually where vendors get vague." },
        ] },
        { speakerId: "7200000000000000013", topic: "Security", sentences: [
          { start: 558563, end: 560201, text: "Here's the specific answer." },
          { start: 560556, end: 571391, text: "In the hybrid model your code, your data and your results never leave your AWS account, because the flows run on your workers in your regions." },
          { start: 571780, end: 578965, text: "What Horizon stores is metadata: flow and task names, states, timing, parameters, and logs if you send them." },
        ] },
        { speakerId: "7300000000010200002", topic: "Security", sentences: [
          { start: 579469, end: 583259, text: "What if a log line contains customer data?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Security", sentences: [
          { start: 584081, end: 594602, text: "For the EU pipelines you can turn off sending logs to the API, and we'd help you review that no customer data ends up in parameters." },
          { start: 594755, end: 603309, text: "We also keep audit logs in Horizon, so you can see who changed a deployment or an automation and when." },
        ] },
        { speakerId: "7300000000010200002", topic: "Security", sentences: [
          { start: 604120, end: 606964, text: "So transaction records never transit your infrastructure." },
        ] },
        { speakerId: "7200000000000000013", topic: "Security", sentences: [
          { start: 607829, end: 612347, text: "Correct, unless someone deliberately logs them or passes them as parameters." },
        ] },
        { speakerId: "7300000000010200002", topic: "Security", sentences: [
          { start: 612664, end: 615079, text: "That's better than I expected." },
          { start: 615321, end: 621441, text: "I'd still want that in writing, plus where the metadata itself is hosted." },
        ] },
        { speakerId: "7200000000000000012", topic: "Security", sentences: [
          { start: 622894, end: 623544, text: "Absolutely." },
          { start: 623730, end: 633485, text: "I'll send the SOC 2 report, a data flow diagram showing exactly what goes to the control plane, and written confirmation of where the metadata is hosted." },
          { start: 633879, end: 637998, text: "Does that cover what you need for your review, Ben?" },
        ] },
        { speakerId: "7300000000010200002", topic: "Security", sentences: [
          { start: 638932, end: 641026, text: "For a first pass, yes." },
          { start: 641348, end: 643675, text: "Our vendor questionnaire will follow." },
        ] },
        { speakerId: "7200000000000000012", topic: "Next Steps", sentences: [
          { start: 644586, end: 645236, text: "Great." },
          { start: 645635, end: 647413, text: "We're almost at time." },
          { start: 647520, end: 649822, text: "Aisha, how did that land overall?" },
        ] },
        { speakerId: "7300000000010200001", topic: "Next Steps", sentences: [
          { start: 650949, end: 652316, text: "It looks strong." },
          { start: 652573, end: 657963, text: "The late run alert alone would have saved us twice this quarter." },
          { start: 658111, end: 665447, text: "I need to talk to the team and to my boss about how this fits with our other priorities." },
        ] },
        { speakerId: "7200000000000000012", topic: "Next Steps", sentences: [
          { start: 666108, end: 667039, text: "Makes sense." },
          { start: 667192, end: 670071, text: "What else do you need from us?" },
        ] },
        { speakerId: "7300000000010200001", topic: "Next Steps", sentences: [
          { start: 670719, end: 672750, text: "Probably pricing, and Ben's documents." },
          { start: 672856, end: 674090, text: "Then we'll see." },
        ] },
        { speakerId: "7200000000000000012", topic: "Next Steps", sentences: [
          { start: 675579, end: 680541, text: "Okay, I'll put together pricing and send it with the security package." },
          { start: 680799, end: 685691, text: "Let's circle back once you've had a chance to discuss internally." },
        ] },
        { speakerId: "7300000000010200001", topic: null, sentences: [
          { start: 687004, end: 687881, text: "Sounds good." },
        ] },
        { speakerId: "7300000000010200003", topic: "Next Steps", sentences: [
          { start: 688916, end: 691785, text: "Could Priya share the demo flow code?" },
          { start: 691888, end: 696113, text: "I'd like to try it against one of our ledgers." },
        ] },
        { speakerId: "7200000000000000013", topic: "Next Steps", sentences: [
          { start: 696430, end: 701791, text: "Of course, I'll send the repository link with a short readme this afternoon." },
        ] },
        { speakerId: "7200000000000000012", topic: "Next Steps", sentences: [
          { start: 702137, end: 703528, text: "Great, thanks everyone." },
          { start: 703909, end: 705716, text: "We'll be in touch." },
        ] },
        { speakerId: "7300000000010200001", topic: null, sentences: [
          { start: 706305, end: 707194, text: "Thanks both." },
        ] },
      ],
    },
  },
  // 3. Meridian Health Analytics / Technical Deep Dive: SE alone; architecture fit (Kubernetes work pool, Dask/Ray, caching, retries); scheduling-latency objection
  {
    call: {
      metaData: {
        id: "9000000000000000103",
        url: "https://demo.app.gong.io/call?id=9000000000000000103",
        title: "[Demo] Meridian Health Analytics / Technical Deep Dive",
        scheduled: "2026-11-04T09:30:00-08:00",
        started: "2026-11-04T09:31:22-08:00",
        duration: 665,
        primaryUserId: "7100000000000000013",
        direction: "Conference",
        system: "Zoom",
        scope: "External",
        media: "Video",
        language: "eng",
      },
      parties: [
        { id: "7400000000010300001", emailAddress: "priya.natarajan@prefect-demo.example", name: "Priya Natarajan", title: "Senior Sales Engineer", userId: "7100000000000000013", speakerId: "7200000000000000013", affiliation: "Internal", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010300002", emailAddress: "kenji.watanabe@meridian-health.example", name: "Kenji Watanabe", title: "Staff Machine Learning Engineer", speakerId: "7300000000010300001", affiliation: "External", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010300003", emailAddress: "laura.bianchi@meridian-health.example", name: "Laura Bianchi", title: "ML Platform Engineer", speakerId: "7300000000010300002", affiliation: "External", methods: ["Invitee", "Attendee"] },
      ],
    },
    transcript: {
      callId: "9000000000000000103",
      transcript: [
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 2325, end: 6070, text: "Hi Kenji, hi Laura, thanks for setting this up." },
          { start: 6287, end: 14113, text: "I've read the architecture diagram you sent over, and I have a whiteboard open that we can draw on together." },
        ] },
        { speakerId: "7300000000010300001", topic: "Introduction", sentences: [
          { start: 14749, end: 15399, text: "Great." },
          { start: 15681, end: 25337, text: "Just to set expectations, we're the ML platform team, so we care less about slides and more about whether this fits our stack." },
        ] },
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 26698, end: 29359, text: "That's exactly how I like these sessions." },
          { start: 29730, end: 35890, text: "Could you describe the current pipeline end to end, and I'll sketch it while you talk?" },
        ] },
        { speakerId: "7300000000010300001", topic: "Introduction", sentences: [
          { start: 37384, end: 38034, text: "Sure." },
          { start: 38394, end: 42391, text: "We train risk models on claims and clinical data." },
          { start: 42665, end: 58167, text: "A nightly job pulls new claims into a feature store, then we run feature engineering on a Dask cluster, train a few dozen models per customer segment, evaluate them, and publish the winners to a model registry." },
        ] },
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 59410, end: 62245, text: "And all of that runs on Kubernetes?" },
        ] },
        { speakerId: "7300000000010300001", topic: "Introduction", sentences: [
          { start: 63586, end: 68515, text: "Yes, one EKS cluster with a GPU node group for training." },
        ] },
        { speakerId: "7200000000000000013", topic: null, sentences: [
          { start: 68836, end: 70372, text: "What orchestrates it today?" },
        ] },
        { speakerId: "7300000000010300002", topic: "Introduction", sentences: [
          { start: 70782, end: 76827, text: "A mix of Argo Workflows for the Kubernetes side and a lot of bash." },
          { start: 77165, end: 86150, text: "The Dask part is launched by a script somebody wrote two years ago, and when it fails halfway through we rerun the whole thing." },
        ] },
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 87591, end: 90598, text: "How long does a full rerun take?" },
        ] },
        { speakerId: "7300000000010300001", topic: "Introduction", sentences: [
          { start: 91536, end: 95493, text: "About six hours, and a lot of GPU time." },
          { start: 95889, end: 99463, text: "That's really the thing we want to fix." },
        ] },
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 99818, end: 103775, text: "How often does that happen in a typical month?" },
        ] },
        { speakerId: "7300000000010300001", topic: "Introduction", sentences: [
          { start: 104991, end: 106703, text: "Three or four times." },
          { start: 107024, end: 121939, text: "Usually a spot node gets reclaimed during training, or the feature store times out under load, and because the script has no notion of which steps already finished, we start again from the claims pull." },
          { start: 122129, end: 133662, text: "Last month it happened the night before a customer's quarterly model refresh was due, and we ended up paying for on-demand GPUs over the weekend just to hit the date." },
          { start: 133906, end: 141033, text: "So reliability and not redoing finished work are the two things that would make the biggest difference for us." },
        ] },
        { speakerId: "7200000000000000013", topic: "Architecture", sentences: [
          { start: 142193, end: 144276, text: "Okay, let me draw this." },
          { start: 144454, end: 152894, text: "On the left is the Prefect API, which in your case is a self-hosted Prefect server while you evaluate open source." },
          { start: 153260, end: 162090, text: "On the right is your EKS cluster, and inside it we put a worker that belongs to a Kubernetes work pool." },
        ] },
        { speakerId: "7300000000010300002", topic: "Architecture", sentences: [
          { start: 162636, end: 165429, text: "So the worker is a long-running pod?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Architecture", sentences: [
          { start: 166842, end: 170444, text: "Yes, one small deployment with its own service account." },
          { start: 170739, end: 179119, text: "It polls the API for scheduled flow runs, and for each run it creates a Kubernetes job from the pool's base job template." },
          { start: 179345, end: 186860, text: "The template is where you set the image, resource requests, node selectors, tolerations for your GPU nodes, and so on." },
        ] },
        { speakerId: "7300000000010300002", topic: "Architecture", sentences: [
          { start: 187477, end: 190392, text: "Can different flows ask for different resources?" },
          { start: 190531, end: 193097, text: "Training needs GPUs, feature engineering doesn't." },
        ] },
        { speakerId: "7200000000000000013", topic: "Architecture", sentences: [
          { start: 193463, end: 194113, text: "Yes." },
          { start: 194305, end: 204273, text: "The work pool defines the defaults, and each deployment can override job variables like the image, CPU and memory, or a node selector." },
          { start: 204620, end: 211280, text: "So training deployments land on the GPU node group and everything else on the standard nodes." },
        ] },
        { speakerId: "7300000000010300001", topic: "Architecture", sentences: [
          { start: 211817, end: 214595, text: "And where does the data go?" },
          { start: 214890, end: 218569, text: "We process PHI, so nothing can leave the cluster." },
        ] },
        { speakerId: "7200000000000000013", topic: "Architecture", sentences: [
          { start: 219093, end: 225691, text: "The flow code runs inside your job pods, so data is read and written within your environment." },
          { start: 225869, end: 231022, text: "The API only sees metadata: run states, timings, parameter values and logs." },
          { start: 231374, end: 241240, text: "I'd recommend passing references like a table name or a date as parameters rather than patient-level data, and you can turn off log shipping for specific flows." },
        ] },
        { speakerId: "7300000000010300001", topic: "Architecture", sentences: [
          { start: 241559, end: 245128, text: "That's consistent with what our HIPAA review would require." },
        ] },
        { speakerId: "7300000000010300002", topic: "Task Runners", sentences: [
          { start: 246081, end: 248120, text: "Okay, now the Dask part." },
          { start: 248283, end: 251789, text: "How would Prefect work with our existing Dask cluster?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Task Runners", sentences: [
          { start: 253080, end: 257813, text: "There's an integration called prefect-dask that provides a Dask task runner." },
          { start: 257921, end: 266915, text: "You set it on the flow, and the tasks you submit go to a Dask cluster instead of running in threads." },
          { start: 267217, end: 274798, text: "It can either start a temporary cluster for each flow run, using dask-kubernetes, or connect to an existing scheduler address." },
        ] },
        { speakerId: "7300000000010300002", topic: "Task Runners", sentences: [
          { start: 276151, end: 280832, text: "We'd want to connect to the existing one, at least initially." },
        ] },
        { speakerId: "7200000000000000013", topic: "Task Runners", sentences: [
          { start: 282294, end: 286813, text: "That works, you pass the scheduler address to the task runner." },
          { start: 287104, end: 293068, text: "There's a similar integration for Ray, prefect-ray, if your training side ever moves there." },
        ] },
        { speakerId: "7300000000010300001", topic: "Task Runners", sentences: [
          { start: 293785, end: 298690, text: "Some of the data scientists are experimenting with Ray Tune already." },
          { start: 298837, end: 305230, text: "Could we mix them, Dask for features and Ray for training, in the same pipeline?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Task Runners", sentences: [
          { start: 305554, end: 309653, text: "Yes, and the clean way is to make them two flows." },
          { start: 309756, end: 319143, text: "A parent flow calls a feature flow that uses the Dask runner, and then a training flow that uses the Ray runner." },
          { start: 319250, end: 328149, text: "Each subflow gets its own task runner, and the parent shows the whole thing as one run with a tree of children." },
        ] },
        { speakerId: "7300000000010300002", topic: "Task Runners", sentences: [
          { start: 328841, end: 332026, text: "That's nicer than what we have in Argo." },
        ] },
        { speakerId: "7300000000010300001", topic: "Caching", sentences: [
          { start: 333369, end: 336401, text: "Now the part I really care about." },
          { start: 336540, end: 339997, text: "If training fails in hour five, what happens?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Caching", sentences: [
          { start: 340420, end: 341818, text: "Two mechanisms help." },
          { start: 342082, end: 353139, text: "First, retries: each task can declare a number of retries and a retry delay, so a spot node being reclaimed is retried automatically instead of failing the whole run." },
          { start: 353356, end: 358672, text: "Second, caching with result persistence, which is what saves you the six-hour rerun." },
        ] },
        { speakerId: "7300000000010300002", topic: "Caching", sentences: [
          { start: 359785, end: 363845, text: "Walk us through caching, that's where other tools confused us." },
        ] },
        { speakerId: "7200000000000000013", topic: "Caching", sentences: [
          { start: 365110, end: 366910, text: "Sure, I'll draw it." },
          { start: 367056, end: 376787, text: "When a task finishes, its result can be persisted to storage you own, say an S3 bucket, and the task records a cache key." },
          { start: 377181, end: 394889, text: "By default the key is computed from the task's inputs and its source code, so the next time the task is called with the same inputs and the same code, Prefect finds the key and loads the stored result instead of recomputing it." },
        ] },
        { speakerId: "7300000000010300001", topic: "Caching", sentences: [
          { start: 395548, end: 400849, text: "So if we rerun after a failure in training, feature engineering is skipped automatically?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Caching", sentences: [
          { start: 402015, end: 406258, text: "Exactly, as long as its inputs and code haven't changed." },
          { start: 406412, end: 415763, text: "You can also set a cache expiration, so features older than a day get recomputed, or write a custom cache policy if only some inputs matter." },
        ] },
        { speakerId: "7300000000010300002", topic: "Caching", sentences: [
          { start: 416883, end: 421098, text: "And the results sit in our bucket, not on your side?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Caching", sentences: [
          { start: 422535, end: 426316, text: "Yes, result storage is configured by you, in your account." },
          { start: 426483, end: 430404, text: "Prefect only keeps a reference to where the result lives." },
        ] },
        { speakerId: "7300000000010300001", topic: "Caching", sentences: [
          { start: 431807, end: 437712, text: "That alone would save us most of the GPU cost of a rerun." },
        ] },
        { speakerId: "7300000000010300002", topic: "Scheduling Latency", sentences: [
          { start: 438893, end: 440678, text: "Here's my concern, though." },
          { start: 440768, end: 449738, text: "Part of our roadmap is near real-time scoring: a claim comes in and we want a risk score within a few seconds." },
          { start: 450001, end: 457335, text: "Tools like this usually have a scheduler loop that adds latency, so what does that look like here?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Scheduling Latency", sentences: [
          { start: 457969, end: 462031, text: "That's a fair concern, and I'd rather be precise than optimistic." },
          { start: 462177, end: 465119, text: "Can you tell me more about the requirement?" },
          { start: 465289, end: 472023, text: "Is it a few seconds end to end including inference, and how many claims per minute?" },
        ] },
        { speakerId: "7300000000010300002", topic: "Scheduling Latency", sentences: [
          { start: 473501, end: 481396, text: "Under five seconds end to end at the ninety-fifth percentile, and a couple of hundred claims per minute at peak." },
        ] },
        { speakerId: "7200000000000000013", topic: "Scheduling Latency", sentences: [
          { start: 482865, end: 484258, text: "Thanks, that helps." },
          { start: 484559, end: 499240, text: "Let me draw the latency layers for a scheduled deployment on Kubernetes: the worker polls the API every few seconds, then Kubernetes has to schedule a pod and pull the image, then Python starts up." },
          { start: 499627, end: 507170, text: "That path is typically tens of seconds, so it's the right tool for nightly training, but not for five-second scoring." },
        ] },
        { speakerId: "7300000000010300002", topic: "Scheduling Latency", sentences: [
          { start: 507686, end: 510345, text: "Right, that's what I was worried about." },
        ] },
        { speakerId: "7200000000000000013", topic: "Scheduling Latency", sentences: [
          { start: 511773, end: 519585, text: "For the real-time path you'd use a different pattern: keep a process warm and hand work to it directly." },
          { start: 519822, end: 534076, text: "In Prefect that's background tasks, where a task worker stays running in your cluster and your scoring service calls delay on a task, which puts the work straight onto a queue without creating any pods." },
          { start: 534281, end: 543286, text: "The orchestration overhead is then on the order of a network round trip, so your latency budget goes to the model." },
        ] },
        { speakerId: "7300000000010300001", topic: "Scheduling Latency", sentences: [
          { start: 544124, end: 548243, text: "And we'd still get retries and observability on those?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Scheduling Latency", sentences: [
          { start: 549541, end: 556223, text: "Yes, each background task run has states, retries and logs, just like a task inside a flow." },
          { start: 556490, end: 571457, text: "But I'd suggest we measure it in your cluster rather than trust my numbers, so in the proof of concept we build the scoring path with a background task and chart the p95 at two hundred claims per minute." },
        ] },
        { speakerId: "7300000000010300002", topic: "Scheduling Latency", sentences: [
          { start: 572084, end: 575612, text: "That would address it, if the numbers hold up." },
        ] },
        { speakerId: "7200000000000000013", topic: "Scheduling Latency", sentences: [
          { start: 576904, end: 580720, text: "Agreed, and if they don't hold up, I'll tell you." },
          { start: 580906, end: 583841, text: "Does that answer the concern for now?" },
        ] },
        { speakerId: "7300000000010300002", topic: null, sentences: [
          { start: 585268, end: 586494, text: "For now, yes." },
        ] },
        { speakerId: "7300000000010300001", topic: "Next Steps", sentences: [
          { start: 587956, end: 591445, text: "So what would a proof of concept look like?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Next Steps", sentences: [
          { start: 592705, end: 595570, text: "I'd propose two weeks and two tracks." },
          { start: 595718, end: 607878, text: "Track one is the nightly training pipeline on a Kubernetes work pool with the Dask runner, caching and retries, and success means a rerun after a forced failure in training skips feature engineering." },
          { start: 608002, end: 616880, text: "Track two is the scoring path with background tasks, and success means p95 under five seconds at two hundred claims per minute." },
        ] },
        { speakerId: "7300000000010300001", topic: "Next Steps", sentences: [
          { start: 617313, end: 620489, text: "I like that the criteria are measurable." },
          { start: 620623, end: 623736, text: "Laura, can you own the cluster side?" },
        ] },
        { speakerId: "7300000000010300002", topic: "Next Steps", sentences: [
          { start: 624258, end: 629906, text: "Yes, I'll set up a namespace and a service account for the worker this week." },
        ] },
        { speakerId: "7200000000000000013", topic: "Next Steps", sentences: [
          { start: 631080, end: 631730, text: "Great." },
          { start: 632009, end: 639995, text: "I'll send a draft plan with the success criteria by Thursday, plus a Helm values file for the worker." },
          { start: 640091, end: 644481, text: "Can we schedule a thirty-minute check-in a week from today?" },
        ] },
        { speakerId: "7300000000010300001", topic: "Next Steps", sentences: [
          { start: 645390, end: 649401, text: "Next Wednesday at two works for both of us." },
        ] },
        { speakerId: "7200000000000000013", topic: "Next Steps", sentences: [
          { start: 650845, end: 652838, text: "Perfect, I'll send the invite." },
          { start: 653129, end: 656477, text: "Thanks both, this was a really good session." },
        ] },
        { speakerId: "7300000000010300001", topic: null, sentences: [
          { start: 657423, end: 659134, text: "Thanks Priya, very useful." },
        ] },
      ],
    },
  },
  // 4. Harborview Retail / Contract Negotiation: AE negotiation; pricing objection vs. managed Airflow, 3-year discount ask, redlines; price held with value
  {
    call: {
      metaData: {
        id: "9000000000000000104",
        url: "https://demo.app.gong.io/call?id=9000000000000000104",
        title: "[Demo] Harborview Retail / Contract Negotiation",
        scheduled: "2026-11-10T11:00:00-08:00",
        started: "2026-11-10T11:00:38-08:00",
        duration: 593,
        primaryUserId: "7100000000000000011",
        direction: "Conference",
        system: "Zoom",
        scope: "External",
        media: "Video",
        language: "eng",
      },
      parties: [
        { id: "7400000000010400001", emailAddress: "maya.chen@prefect-demo.example", name: "Maya Chen", title: "Account Executive", userId: "7100000000000000011", speakerId: "7200000000000000011", affiliation: "Internal", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010400002", emailAddress: "nadia.petrova@harborview-retail.example", name: "Nadia Petrova", title: "Senior Procurement Manager", speakerId: "7300000000010400001", affiliation: "External", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010400003", emailAddress: "greg.holloway@harborview-retail.example", name: "Greg Holloway", title: "VP of Data", speakerId: "7300000000010400002", affiliation: "External", methods: ["Invitee", "Attendee"] },
      ],
      content: { brief: "Negotiation of Harborview's Horizon order form: procurement asked for 25% off a three-year term; AE held the subscription price and offered a price lock, included onboarding and a first-year ramp. Redlines on liability cap, DPA and termination; committee on Dec 8, signature targeted by Dec 12." },
    },
    transcript: {
      callId: "9000000000000000104",
      transcript: [
        { speakerId: "7200000000000000011", topic: "Introduction", sentences: [
          { start: 2211, end: 5685, text: "Hi Nadia, hi Greg, thanks for making time." },
          { start: 5955, end: 10022, text: "I know this is a busy season for procurement." },
        ] },
        { speakerId: "7300000000010400001", topic: "Introduction", sentences: [
          { start: 11295, end: 12292, text: "It is." },
          { start: 12627, end: 18917, text: "Thanks for sending the revised order form, we have a few things to work through today." },
        ] },
        { speakerId: "7200000000000000011", topic: "Introduction", sentences: [
          { start: 20262, end: 21228, text: "Of course." },
          { start: 21469, end: 32948, text: "Before we dive in, Greg, is the team still aligned on the plan from the pilot, moving the merchandising and inventory pipelines to Horizon in the first quarter?" },
        ] },
        { speakerId: "7300000000010400002", topic: "Introduction", sentences: [
          { start: 33820, end: 38492, text: "Yes, the pilot went well and the team wants it." },
          { start: 38586, end: 43326, text: "The open questions are commercial, which is why Nadia is here." },
        ] },
        { speakerId: "7200000000000000011", topic: "Introduction", sentences: [
          { start: 44445, end: 45095, text: "Great." },
          { start: 45321, end: 49027, text: "Nadia, how would you like to use our time?" },
          { start: 49375, end: 55968, text: "I'd suggest we go through your list first, then confirm timeline and paperwork at the end." },
        ] },
        { speakerId: "7300000000010400001", topic: "Introduction", sentences: [
          { start: 56700, end: 57632, text: "That works." },
          { start: 57811, end: 59836, text: "The first item is price." },
        ] },
        { speakerId: "7200000000000000011", topic: null, sentences: [
          { start: 61247, end: 62494, text: "Sure, go ahead." },
        ] },
        { speakerId: "7300000000010400001", topic: "Pricing", sentences: [
          { start: 63479, end: 67489, text: "The quote is one hundred sixty-eight thousand a year." },
          { start: 67689, end: 76146, text: "Honestly, that's above what we budgeted, and we have a proposal for managed Airflow that is quite a bit lower." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 77352, end: 79497, text: "I appreciate you being direct." },
          { start: 79696, end: 82347, text: "How are you comparing the two?" },
          { start: 82438, end: 87710, text: "Are they scoped the same way, for example users, workspaces and support level?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Pricing", sentences: [
          { start: 88762, end: 92815, text: "Not exactly, the other proposal is mostly priced on compute." },
          { start: 93016, end: 96680, text: "But the headline number is about forty percent lower." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 98016, end: 98666, text: "Understood." },
          { start: 98871, end: 103438, text: "Greg, from the pilot, how would you describe the difference in scope?" },
        ] },
        { speakerId: "7300000000010400002", topic: "Pricing", sentences: [
          { start: 104036, end: 111793, text: "The other option is hosting our Airflow more or less as is, on their servers instead of ours." },
          { start: 112115, end: 128373, text: "We'd still have to fix the DAGs that keep failing, which was half the reason we started looking in the first place, and we wouldn't get SSO or audit logs without their enterprise tier, which isn't in that quote." },
          { start: 128752, end: 137955, text: "My team also liked that in the pilot they could write and test flows locally, and I don't want to lose that." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 139314, end: 140282, text: "That's helpful." },
          { start: 140486, end: 146700, text: "So the comparison is really our full scope against their base tier plus the rework." },
          { start: 146822, end: 150695, text: "Nadia, is that a fair way to put it?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Pricing", sentences: [
          { start: 151569, end: 152474, text: "It's fair." },
          { start: 152607, end: 156489, text: "I'll still have to explain the gap to finance, though." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 156877, end: 159129, text: "Then let me ask Greg." },
          { start: 159275, end: 163939, text: "In your own words, what did the pilot change for the team?" },
        ] },
        { speakerId: "7300000000010400002", topic: "Pricing", sentences: [
          { start: 165275, end: 166290, text: "Two things." },
          { start: 166611, end: 180482, text: "The nightly inventory refresh finished about two hours earlier, which meant the stores had replenishment numbers before opening instead of mid-morning, and the merchandising team noticed that in the first week." },
          { start: 180702, end: 193948, text: "And the engineers estimated they'd get back roughly two people's worth of time that goes into babysitting Airflow today, which we'd put toward the personalization work that keeps slipping." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 195077, end: 203643, text: "And at a loaded cost of around one hundred eighty thousand per engineer, that time alone is more than twice the subscription." },
          { start: 203830, end: 206599, text: "Nadia, does that help with finance?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Pricing", sentences: [
          { start: 207153, end: 208000, text: "It helps." },
          { start: 208213, end: 213204, text: "I've seen the pilot summary, and finance will want those numbers in writing." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 214103, end: 222044, text: "So I'm not in a position to reduce the price, because it's already scoped to exactly what you need." },
          { start: 222409, end: 226338, text: "What I can do is look at how it's structured." },
        ] },
        { speakerId: "7300000000010400001", topic: "Pricing", sentences: [
          { start: 227172, end: 229919, text: "What do you mean by structured?" },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 230222, end: 236571, text: "For example, billing quarterly instead of annually up front, which helps with cash this fiscal year." },
          { start: 236755, end: 238005, text: "Would that help?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Pricing", sentences: [
          { start: 238888, end: 239763, text: "A little." },
          { start: 239944, end: 245440, text: "But I'll be honest, my mandate is to come back with a discount." },
        ] },
        { speakerId: "7200000000000000011", topic: "Pricing", sentences: [
          { start: 245787, end: 246795, text: "I understand." },
          { start: 247163, end: 249810, text: "What did you have in mind?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Contract Terms", sentences: [
          { start: 251069, end: 252642, text: "Here's what I'd propose." },
          { start: 252816, end: 258069, text: "We sign a three-year agreement, and in exchange you take twenty-five percent off." },
        ] },
        { speakerId: "7200000000000000011", topic: "Contract Terms", sentences: [
          { start: 259281, end: 262830, text: "Thanks for putting a concrete proposal on the table." },
          { start: 262963, end: 269742, text: "What matters most to you in a multi-year deal, the first-year number or predictability over the three years?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Contract Terms", sentences: [
          { start: 270087, end: 278323, text: "Predictability, honestly, because finance hates surprise renewals, and we've been burned twice this year by vendors adding fifteen percent at renewal." },
          { start: 278495, end: 287066, text: "But the first-year number is what gets me in trouble, because this year's budget was set before the pilot even started." },
        ] },
        { speakerId: "7200000000000000011", topic: "Contract Terms", sentences: [
          { start: 288303, end: 289263, text: "That's useful." },
          { start: 289482, end: 292627, text: "Twenty-five percent isn't something I can do." },
          { start: 293020, end: 303808, text: "On a three-year term I can lock the price for all three years, so no uplift at renewal, and include the onboarding package, normally twenty-two thousand, at no cost." },
        ] },
        { speakerId: "7300000000010400001", topic: "Contract Terms", sentences: [
          { start: 304269, end: 306384, text: "The price lock is interesting." },
          { start: 306489, end: 309984, text: "Could you do ten percent plus the price lock?" },
        ] },
        { speakerId: "7200000000000000011", topic: "Contract Terms", sentences: [
          { start: 311011, end: 317176, text: "I'd rather not move the subscription price, because it's what every customer pays at this scope." },
          { start: 317477, end: 330747, text: "If the concern is year one specifically, I can ask my leadership about a ramp, where year one covers the initial workspaces and the full scope starts in year two." },
          { start: 330996, end: 335006, text: "Would a ramp solve the problem with your CFO?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Contract Terms", sentences: [
          { start: 336192, end: 337078, text: "It might." },
          { start: 337368, end: 344836, text: "If year one comes in under one hundred fifty, I can get it approved without going to the CFO." },
        ] },
        { speakerId: "7300000000010400002", topic: "Contract Terms", sentences: [
          { start: 345549, end: 348521, text: "And a ramp matches our rollout anyway." },
          { start: 348670, end: 353005, text: "We won't have every team on it until the second half." },
        ] },
        { speakerId: "7200000000000000011", topic: "Contract Terms", sentences: [
          { start: 354409, end: 355059, text: "Okay." },
          { start: 355368, end: 365882, text: "I can't promise that number today, but I'll take a three-year price lock with a first-year ramp to my leadership and come back by Thursday." },
          { start: 366254, end: 367599, text: "Does that work?" },
        ] },
        { speakerId: "7300000000010400001", topic: null, sentences: [
          { start: 368979, end: 369962, text: "That works." },
        ] },
        { speakerId: "7200000000000000011", topic: "Contract Terms", sentences: [
          { start: 370873, end: 371523, text: "Great." },
          { start: 371898, end: 373882, text: "What's next on your list?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Legal", sentences: [
          { start: 374873, end: 377175, text: "The second item is paper." },
          { start: 377303, end: 381515, text: "Our legal team sent redlines on the master agreement last week." },
        ] },
        { speakerId: "7200000000000000011", topic: "Legal", sentences: [
          { start: 381997, end: 384315, text: "Yes, our counsel has them." },
          { start: 384713, end: 391228, text: "I saw three main points: the liability cap, the data processing addendum, and termination for convenience." },
          { start: 391348, end: 392961, text: "Did I miss anything?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Legal", sentences: [
          { start: 394211, end: 396425, text: "No, those are the three." },
        ] },
        { speakerId: "7200000000000000011", topic: "Legal", sentences: [
          { start: 397302, end: 404778, text: "On the data processing addendum, we can accept your template with two small edits, which our counsel will send tomorrow." },
          { start: 405176, end: 411078, text: "On the liability cap, we offered twelve months of fees, which is our standard." },
          { start: 411477, end: 413815, text: "Is there flexibility on your side?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Legal", sentences: [
          { start: 414661, end: 418256, text: "Our legal team usually asks for two times fees." },
          { start: 418597, end: 423207, text: "They might settle at twelve months with a carve-out for data breaches." },
        ] },
        { speakerId: "7200000000000000011", topic: "Legal", sentences: [
          { start: 424419, end: 431228, text: "That's a common landing spot, and I'll suggest our counsel talk to yours directly this week." },
          { start: 431345, end: 440456, text: "Termination for convenience is harder for us alongside a multi-year price lock, because the lock is a commitment on both sides." },
        ] },
        { speakerId: "7300000000010400002", topic: "Legal", sentences: [
          { start: 441630, end: 442640, text: "That's fair." },
          { start: 443009, end: 445448, text: "I'd rather have the price lock." },
        ] },
        { speakerId: "7300000000010400001", topic: "Legal", sentences: [
          { start: 446760, end: 452860, text: "I'll check with legal, but I think we can drop it if the ramp works out." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 453983, end: 455734, text: "Let's talk about timeline." },
          { start: 455940, end: 460172, text: "Greg, last time you mentioned starting the migration in January." },
          { start: 460496, end: 465047, text: "Working backwards, what has to happen on your side before signature?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Decision Process", sentences: [
          { start: 466091, end: 476875, text: "Once we agree on commercials, I write a summary for the procurement committee, which meets on December eighth, and they need it a week in advance." },
          { start: 477068, end: 487641, text: "Then Greg signs, and if year one is over one hundred fifty thousand, the CFO signs as well, and her calendar in December is not great." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 488162, end: 490728, text: "And is the security review complete?" },
        ] },
        { speakerId: "7300000000010400002", topic: "Decision Process", sentences: [
          { start: 491041, end: 495002, text: "Yes, security signed off last week, after the pilot." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 495721, end: 496371, text: "Great." },
          { start: 496602, end: 507662, text: "So if we agree on commercial terms by December first, legal closes the redlines that same week, the committee approves on the eighth, and you sign by the twelfth." },
          { start: 507956, end: 509234, text: "Is that realistic?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Decision Process", sentences: [
          { start: 509622, end: 511416, text: "It's tight, but realistic." },
          { start: 511733, end: 514918, text: "The risk is legal, not the committee." },
        ] },
        { speakerId: "7300000000010400002", topic: "Decision Process", sentences: [
          { start: 516068, end: 521611, text: "And I want it done before the holidays, otherwise we lose January." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 523021, end: 525198, text: "Then let's protect that date." },
          { start: 525407, end: 530181, text: "What could get in the way that we haven't talked about?" },
        ] },
        { speakerId: "7300000000010400001", topic: "Decision Process", sentences: [
          { start: 531288, end: 539062, text: "If the ramp isn't approved and year one is over one hundred fifty, the CFO step adds a week or two." },
        ] },
        { speakerId: "7200000000000000011", topic: "Decision Process", sentences: [
          { start: 539581, end: 544246, text: "Understood, that's why I'll push to have an answer by Thursday." },
          { start: 544409, end: 550209, text: "Greg, is there anyone else who needs to see this before the committee?" },
        ] },
        { speakerId: "7300000000010400002", topic: "Decision Process", sentences: [
          { start: 551584, end: 554844, text: "No, the committee and the CFO if needed." },
          { start: 555157, end: 556802, text: "That's the whole list." },
        ] },
        { speakerId: "7200000000000000011", topic: "Next Steps", sentences: [
          { start: 557275, end: 558628, text: "Let me summarize." },
          { start: 558862, end: 566509, text: "I'll come back by Thursday with a three-year proposal: price lock, onboarding included, and a first-year ramp." },
          { start: 566843, end: 580760, text: "Our counsel sends the DPA edits tomorrow and contacts yours about the liability cap, Nadia checks with legal on termination for convenience, and we target committee approval on December eighth and signature by the twelfth." },
        ] },
        { speakerId: "7300000000010400001", topic: "Next Steps", sentences: [
          { start: 581314, end: 583526, text: "That's everything on my list." },
        ] },
        { speakerId: "7300000000010400002", topic: null, sentences: [
          { start: 584036, end: 584993, text: "Sounds right." },
          { start: 585138, end: 586028, text: "Thanks Maya." },
        ] },
        { speakerId: "7200000000000000011", topic: "Next Steps", sentences: [
          { start: 586651, end: 588086, text: "Thank you both." },
          { start: 588170, end: 589155, text: "Talk Thursday." },
        ] },
      ],
    },
  },
  // 5. Lumen Media Group / Q4 Business Review: CSM QBR; adoption metrics, churn signal (Dagster), expansion to more workspaces, action items
  {
    call: {
      metaData: {
        id: "9000000000000000105",
        url: "https://demo.app.gong.io/call?id=9000000000000000105",
        title: "[Demo] Lumen Media Group / Q4 Business Review",
        scheduled: "2026-11-12T14:00:00-08:00",
        started: "2026-11-12T14:03:05-08:00",
        duration: 521,
        primaryUserId: "7100000000000000014",
        direction: "Conference",
        system: "Zoom",
        scope: "External",
        media: "Video",
        language: "eng",
      },
      parties: [
        { id: "7400000000010500001", emailAddress: "tom.becker@prefect-demo.example", name: "Tom Becker", title: "Customer Success Manager", userId: "7100000000000000014", speakerId: "7200000000000000014", affiliation: "Internal", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010500002", emailAddress: "jamal.reed@lumen-media.example", name: "Jamal Reed", title: "Data Platform Manager", speakerId: "7300000000010500001", affiliation: "External", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010500003", emailAddress: "olivia.grant@lumen-media.example", name: "Olivia Grant", title: "Director of Data Engineering", speakerId: "7300000000010500002", affiliation: "External", methods: ["Invitee", "Attendee"] },
      ],
      content: { brief: "Quarterly review with Lumen: flow runs up to 410k/month, 31 of 40 seats active, failures below 1%. New director evaluating Dagster for lineage before a January tooling review; expansion to two more workspaces for ad-sales analytics discussed." },
      interaction: {
        speakers: [
          { id: "7400000000010500001", userId: "7100000000000000014", talkTime: 227.1 },
          { id: "7400000000010500002", talkTime: 122.7 },
          { id: "7400000000010500003", talkTime: 113.5 },
        ],
      },
    },
    transcript: {
      callId: "9000000000000000105",
      transcript: [
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 1251, end: 5288, text: "Hi Jamal, hi Olivia, thanks for joining the quarterly review." },
          { start: 5685, end: 10252, text: "Olivia, welcome, I think this is the first time we've met." },
        ] },
        { speakerId: "7300000000010500002", topic: "Introduction", sentences: [
          { start: 11210, end: 16459, text: "Yes, I joined Lumen about six weeks ago to lead data engineering." },
          { start: 16770, end: 20215, text: "Jamal has been getting me up to speed." },
        ] },
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 21262, end: 23161, text: "Congratulations on the new role." },
          { start: 23492, end: 28477, text: "Before I share anything, what would make this hour useful for you, Olivia?" },
        ] },
        { speakerId: "7300000000010500002", topic: "Introduction", sentences: [
          { start: 29134, end: 33853, text: "Honestly, I want to understand what we get for the money." },
          { start: 34214, end: 38028, text: "I'm reviewing all of our tooling before the budget cycle." },
        ] },
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 39260, end: 42889, text: "That's fair, and I'll try to keep it concrete." },
          { start: 43183, end: 44846, text: "Jamal, anything you'd add?" },
        ] },
        { speakerId: "7300000000010500001", topic: "Introduction", sentences: [
          { start: 45459, end: 49325, text: "I'd like to talk about the ad-sales analytics team." },
          { start: 49558, end: 55530, text: "They want to start using Horizon and I'm not sure how to set them up." },
        ] },
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 56118, end: 59479, text: "Great, let's save time for that at the end." },
        ] },
        { speakerId: "7300000000010500002", topic: null, sentences: [
          { start: 60461, end: 61798, text: "Fine by me." },
        ] },
        { speakerId: "7200000000000000014", topic: "Adoption", sentences: [
          { start: 63048, end: 64896, text: "Let me start with usage." },
          { start: 65143, end: 72773, text: "Last quarter you averaged about four hundred ten thousand flow runs a month, up from two hundred sixty thousand the quarter before." },
          { start: 73003, end: 77400, text: "Active users went from twenty-two to thirty-one, out of forty seats." },
        ] },
        { speakerId: "7300000000010500001", topic: "Adoption", sentences: [
          { start: 77969, end: 84676, text: "The jump in runs is mostly the video recommendation pipelines that moved off cron in September." },
        ] },
        { speakerId: "7200000000000000014", topic: "Adoption", sentences: [
          { start: 85920, end: 87957, text: "That matches what I see." },
          { start: 88244, end: 94289, text: "The failure rate also dropped, from about three percent of runs to just under one percent." },
          { start: 94534, end: 97410, text: "Jamal, what's driving that from your side?" },
        ] },
        { speakerId: "7300000000010500001", topic: "Adoption", sentences: [
          { start: 98017, end: 101443, text: "Mostly retries, and the automation that cancels stuck runs." },
          { start: 101810, end: 106609, text: "Before, one stuck run blocked the whole queue until someone noticed." },
        ] },
        { speakerId: "7200000000000000014", topic: "Adoption", sentences: [
          { start: 107382, end: 110603, text: "How has that changed on-call for the team?" },
        ] },
        { speakerId: "7300000000010500001", topic: "Adoption", sentences: [
          { start: 111259, end: 112871, text: "It's night and day." },
          { start: 113205, end: 120903, text: "We used to get paged two or three nights a week, and last month it was twice in total." },
        ] },
        { speakerId: "7300000000010500002", topic: "Adoption", sentences: [
          { start: 121912, end: 123607, text: "That's good to hear." },
          { start: 123942, end: 127115, text: "What about the nine seats nobody is using?" },
        ] },
        { speakerId: "7200000000000000014", topic: "Adoption", sentences: [
          { start: 128474, end: 129284, text: "Good catch." },
          { start: 129675, end: 135636, text: "Most of them belong to analytics engineers who were onboarded but mostly look at dashboards." },
          { start: 135965, end: 141920, text: "Would it help if I ran a short session for them on reading runs and triggering backfills?" },
        ] },
        { speakerId: "7300000000010500002", topic: "Adoption", sentences: [
          { start: 142698, end: 143348, text: "Maybe." },
          { start: 143647, end: 148027, text: "Let me first find out whether they actually need seats." },
        ] },
        { speakerId: "7200000000000000014", topic: "Value", sentences: [
          { start: 149019, end: 154122, text: "Olivia, you said you want to understand what you get for the money." },
          { start: 154517, end: 159711, text: "What does value look like for you, beyond the numbers I just showed?" },
        ] },
        { speakerId: "7300000000010500002", topic: "Value", sentences: [
          { start: 160365, end: 163385, text: "Fewer incidents that reach the business, mainly." },
          { start: 163763, end: 178166, text: "And a team that ships new pipelines instead of babysitting old ones, because my mandate from the CTO is to get two big projects out next year, the subscriber churn model and the new ad measurement platform, without growing headcount." },
        ] },
        { speakerId: "7200000000000000014", topic: "Value", sentences: [
          { start: 178730, end: 185322, text: "Jamal, from where you sit, what has the team shipped this year that it couldn't have before?" },
        ] },
        { speakerId: "7300000000010500001", topic: "Value", sentences: [
          { start: 186207, end: 200650, text: "The clearest one is the ad revenue reports, they haven't been late once since July, and that used to happen every month, usually on the first business day when finance was waiting for them." },
          { start: 200834, end: 212018, text: "We also moved the video recommendation features from a nightly batch to every two hours, which the product team had been asking for since last year." },
          { start: 212328, end: 220354, text: "I don't think we'd have done either of those with the old cron setup, we just didn't have the time." },
        ] },
        { speakerId: "7300000000010500002", topic: "Value", sentences: [
          { start: 221471, end: 222455, text: "That's useful." },
          { start: 222767, end: 226548, text: "I didn't know the recommendation refresh was part of this." },
        ] },
        { speakerId: "7200000000000000014", topic: "Value", sentences: [
          { start: 226961, end: 233083, text: "I'll put both in the summary with the dates, so you have them for your review." },
        ] },
        { speakerId: "7300000000010500002", topic: "Competition", sentences: [
          { start: 234026, end: 236174, text: "I'll be transparent about something." },
          { start: 236499, end: 245913, text: "At my last company we used Dagster, and I liked the asset-based approach a lot, lineage and freshness checks on tables and so on." },
          { start: 246185, end: 249185, text: "I'm evaluating whether Lumen should standardize on it." },
        ] },
        { speakerId: "7200000000000000014", topic: "Competition", sentences: [
          { start: 249646, end: 253299, text: "Thanks for telling me, I'd much rather know now." },
          { start: 253544, end: 256459, text: "What specifically did you like about it?" },
          { start: 256633, end: 261603, text: "Was it the asset model itself, the lineage view, or something else?" },
        ] },
        { speakerId: "7300000000010500002", topic: "Competition", sentences: [
          { start: 262445, end: 263309, text: "Mostly lineage." },
          { start: 263620, end: 273744, text: "When a dashboard is wrong, I want to see which tables fed it and which runs produced them, and right now the team can't answer that quickly." },
        ] },
        { speakerId: "7200000000000000014", topic: "Competition", sentences: [
          { start: 274915, end: 279982, text: "That's a real gap, and a fair thing to ask of any tool." },
          { start: 280254, end: 283602, text: "Jamal, does the team feel that pain too?" },
        ] },
        { speakerId: "7300000000010500001", topic: "Competition", sentences: [
          { start: 284483, end: 287466, text: "Yes, especially with the ad revenue reports." },
          { start: 287601, end: 292967, text: "When numbers look off, we spend hours tracing which run produced which table." },
        ] },
        { speakerId: "7200000000000000014", topic: "Competition", sentences: [
          { start: 294335, end: 294985, text: "Okay." },
          { start: 295328, end: 300718, text: "Horizon does track assets and lineage, based on the tables your flows materialize." },
          { start: 301084, end: 310698, text: "It's not the same model as Dagster, but it's aimed at exactly the question you described, and I'd rather show you than argue about it." },
        ] },
        { speakerId: "7300000000010500002", topic: "Competition", sentences: [
          { start: 311133, end: 313626, text: "What would showing me look like?" },
        ] },
        { speakerId: "7200000000000000014", topic: "Competition", sentences: [
          { start: 314167, end: 323244, text: "A working session on your ad revenue pipeline, with Priya from our solutions team, to see whether it answers the tracing question with your own tables." },
          { start: 323456, end: 325814, text: "Would that be worth an hour?" },
        ] },
        { speakerId: "7300000000010500002", topic: "Competition", sentences: [
          { start: 326565, end: 328802, text: "I'd be open to that." },
          { start: 329122, end: 337600, text: "But to be clear, I'm not committing to anything, and if moving two thousand flows to Dagster made sense, I'd do it." },
        ] },
        { speakerId: "7200000000000000014", topic: "Competition", sentences: [
          { start: 337918, end: 338568, text: "Understood." },
          { start: 338821, end: 345671, text: "What would you need to see to be confident that staying on Horizon is the right call?" },
        ] },
        { speakerId: "7300000000010500002", topic: "Competition", sentences: [
          { start: 347109, end: 352490, text: "Lineage for the revenue reports, and freshness alerts when a table is late." },
          { start: 352701, end: 357090, text: "And the cost has to make sense compared to the alternative." },
        ] },
        { speakerId: "7200000000000000014", topic: "Competition", sentences: [
          { start: 357863, end: 359440, text: "That's clear, thank you." },
          { start: 359646, end: 362571, text: "I'll make sure the session covers both." },
        ] },
        { speakerId: "7300000000010500001", topic: "Expansion", sentences: [
          { start: 363743, end: 369144, text: "Can we still cover the ad-sales team before we run out of time?" },
        ] },
        { speakerId: "7200000000000000014", topic: "Expansion", sentences: [
          { start: 369979, end: 371844, text: "Yes, let's do that now." },
          { start: 371961, end: 375088, text: "Tell me more about what they're trying to do." },
        ] },
        { speakerId: "7300000000010500001", topic: "Expansion", sentences: [
          { start: 375908, end: 382432, text: "They have about fifteen analysts and two engineers running forecasting models from notebooks on a schedule." },
          { start: 382660, end: 387541, text: "It's fragile, and they want their own space, separate from our production pipelines." },
        ] },
        { speakerId: "7200000000000000014", topic: "Expansion", sentences: [
          { start: 388390, end: 391314, text: "How separate do they need to be?" },
          { start: 391591, end: 393851, text: "Different permissions, different infrastructure, or both?" },
        ] },
        { speakerId: "7300000000010500001", topic: "Expansion", sentences: [
          { start: 394707, end: 395357, text: "Both." },
          { start: 395674, end: 406204, text: "They shouldn't be able to touch our production deployments, and their jobs run in a different AWS account that their own budget pays for." },
          { start: 406338, end: 413415, text: "They also have a deadline, because the sales leadership wants forecasts refreshed daily starting in the spring." },
        ] },
        { speakerId: "7200000000000000014", topic: "Expansion", sentences: [
          { start: 414665, end: 417681, text: "Then a separate workspace is the right model." },
          { start: 417986, end: 425853, text: "Each workspace has its own deployments, work pools and permissions, and you manage users across all of them with SSO groups." },
          { start: 425957, end: 428677, text: "Do they need a staging environment too?" },
        ] },
        { speakerId: "7300000000010500001", topic: "Expansion", sentences: [
          { start: 430148, end: 431155, text: "Probably, yes." },
          { start: 431292, end: 433136, text: "So maybe two workspaces." },
        ] },
        { speakerId: "7200000000000000014", topic: "Expansion", sentences: [
          { start: 433792, end: 439857, text: "That would take you from three workspaces to five, plus seats for the analysts who need them." },
          { start: 440253, end: 447004, text: "I'll put together a proposal, but I'd suggest we review it after Olivia's evaluation so it's one conversation." },
        ] },
        { speakerId: "7300000000010500002", topic: "Expansion", sentences: [
          { start: 448354, end: 449668, text: "I appreciate that." },
          { start: 449944, end: 453071, text: "I'd rather look at it all together." },
        ] },
        { speakerId: "7200000000000000014", topic: "Next Steps", sentences: [
          { start: 454338, end: 456550, text: "Let me summarize the action items." },
          { start: 456784, end: 468403, text: "I'll schedule the lineage working session with Priya within two weeks, send the usage report with the seat breakdown, and draft an expansion proposal for two more workspaces to review together after the session." },
          { start: 468584, end: 470329, text: "Does that capture it?" },
        ] },
        { speakerId: "7300000000010500001", topic: "Next Steps", sentences: [
          { start: 470685, end: 471335, text: "Yes." },
          { start: 471673, end: 476138, text: "Could you also send the freshness alert example you mentioned?" },
        ] },
        { speakerId: "7200000000000000014", topic: "Next Steps", sentences: [
          { start: 477290, end: 479035, text: "Yes, I'll include it." },
          { start: 479202, end: 481905, text: "Olivia, when is your tooling review due?" },
        ] },
        { speakerId: "7300000000010500002", topic: "Next Steps", sentences: [
          { start: 482415, end: 485532, text: "I present to our CTO in mid-January." },
        ] },
        { speakerId: "7200000000000000014", topic: "Next Steps", sentences: [
          { start: 486294, end: 492702, text: "Then let's aim to finish the session and the proposal by mid-December, so you have time before that." },
          { start: 493020, end: 498928, text: "Would it help if our VP of customer success joined a call with you before then?" },
        ] },
        { speakerId: "7300000000010500002", topic: "Next Steps", sentences: [
          { start: 500406, end: 501370, text: "Maybe later." },
          { start: 501508, end: 503468, text: "Let's see the session first." },
        ] },
        { speakerId: "7200000000000000014", topic: "Next Steps", sentences: [
          { start: 504831, end: 505752, text: "Sounds good." },
          { start: 506025, end: 508678, text: "Thanks both, I'll send the recap today." },
        ] },
        { speakerId: "7300000000010500001", topic: null, sentences: [
          { start: 509255, end: 510137, text: "Thanks Tom." },
        ] },
      ],
    },
  },
  // 6. Cascade Grid Energy / Horizon Onboarding Kickoff: CSM + SE onboarding; cron/Airflow migration, work pools, SSO; weaker call: CSM talks too much, few questions
  {
    call: {
      metaData: {
        id: "9000000000000000106",
        url: "https://demo.app.gong.io/call?id=9000000000000000106",
        title: "[Demo] Cascade Grid Energy / Horizon Onboarding Kickoff",
        scheduled: "2026-11-18T10:00:00-08:00",
        started: "2026-11-18T10:01:12-08:00",
        duration: 653,
        primaryUserId: "7100000000000000014",
        direction: "Conference",
        system: "Zoom",
        scope: "External",
        media: "Video",
        language: "eng",
      },
      parties: [
        { id: "7400000000010600001", emailAddress: "tom.becker@prefect-demo.example", name: "Tom Becker", title: "Customer Success Manager", userId: "7100000000000000014", speakerId: "7200000000000000014", affiliation: "Internal", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010600002", emailAddress: "priya.natarajan@prefect-demo.example", name: "Priya Natarajan", title: "Senior Sales Engineer", userId: "7100000000000000013", speakerId: "7200000000000000013", affiliation: "Internal", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010600003", emailAddress: "helen.brooks@cascade-grid.example", name: "Helen Brooks", title: "Data Engineering Manager", speakerId: "7300000000010600001", affiliation: "External", methods: ["Invitee", "Attendee"] },
        { id: "7400000000010600004", emailAddress: "raj.mehta@cascade-grid.example", name: "Raj Mehta", title: "Senior Platform Engineer", speakerId: "7300000000010600002", affiliation: "External", methods: ["Invitee", "Attendee"] },
      ],
      interaction: {
        speakers: [
          { id: "7400000000010600001", userId: "7100000000000000014", talkTime: 408.1 },
          { id: "7400000000010600002", userId: "7100000000000000013", talkTime: 95.4 },
          { id: "7400000000010600003", talkTime: 57.3 },
          { id: "7400000000010600004", talkTime: 41.6 },
        ],
      },
    },
    transcript: {
      callId: "9000000000000000106",
      transcript: [
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 1786, end: 6590, text: "Hi everyone, welcome to Horizon, and congratulations on getting the contract signed." },
          { start: 6908, end: 18512, text: "I'm Tom, your customer success manager, and I'll be your main point of contact from here on, and Priya, who you know from the evaluation, will help with the technical setup today." },
          { start: 18632, end: 24185, text: "I've got a lot to cover, so I'll jump right in if that's okay." },
        ] },
        { speakerId: "7300000000010600001", topic: "Introduction", sentences: [
          { start: 24724, end: 25700, text: "Sounds good." },
          { start: 25897, end: 31855, text: "Raj is here from platform engineering, he'll do most of the hands-on work." },
        ] },
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 32244, end: 33486, text: "Great, welcome Raj." },
          { start: 33729, end: 41582, text: "So let me walk you through how onboarding works: we run a structured ninety-day program in three phases, foundation, migration and optimization." },
          { start: 41871, end: 55332, text: "In foundation we set up your workspaces, SSO and your first work pool, and we get one production flow running end to end, then in migration we move your priority pipelines in waves." },
          { start: 55426, end: 65366, text: "And in optimization we look at automations, cost and best practices, and we do a review with your leadership at the end of the ninety days." },
        ] },
        { speakerId: "7300000000010600001", topic: "Introduction", sentences: [
          { start: 66009, end: 66659, text: "Okay." },
          { start: 66806, end: 75180, text: "We have a lot of cron jobs and about eighty Airflow DAGs, so migration is the big one for us." },
        ] },
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 75511, end: 82281, text: "Absolutely, and that's really common, most of our customers come from cron or Airflow, so you're in good company." },
          { start: 82386, end: 96200, text: "The good news is you don't have to do it all at once, most teams start with the cron jobs because they're usually a single script, and wrapping them in a flow gives you retries and visibility right away." },
          { start: 96465, end: 104010, text: "The Airflow DAGs come later, and for those we have a migration guide and some patterns that work well." },
          { start: 104235, end: 109079, text: "I'll send you the guide after the call along with our best practices document." },
        ] },
        { speakerId: "7300000000010600002", topic: "Introduction", sentences: [
          { start: 110573, end: 119570, text: "On the cron side, some of those scripts run on a box inside our operational network, the one connected to the grid telemetry systems." },
          { start: 119934, end: 121592, text: "It's pretty locked down." },
        ] },
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 122681, end: 130578, text: "Sure, that should be fine, the worker just needs to talk to the API and then everything runs where you want it." },
          { start: 130756, end: 139167, text: "We have customers in all kinds of locked-down environments, banks, hospitals, government contractors, so I wouldn't worry too much about that." },
          { start: 139276, end: 145430, text: "Let me show you the onboarding tracker we'll be using, so you know where everything lives." },
        ] },
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 146888, end: 151303, text: "Tom, can I jump in on Raj's point for a second?" },
          { start: 151556, end: 156747, text: "Raj, does that network allow outbound HTTPS at all, or only through a proxy?" },
        ] },
        { speakerId: "7300000000010600002", topic: "Introduction", sentences: [
          { start: 157307, end: 163902, text: "Only through a proxy, and every destination has to be allow-listed by our OT security team." },
          { start: 164103, end: 165872, text: "That usually takes weeks." },
        ] },
        { speakerId: "7200000000000000013", topic: "Introduction", sentences: [
          { start: 166953, end: 169202, text: "Then it's worth starting now." },
          { start: 169379, end: 181992, text: "The worker needs outbound HTTPS to the Horizon API and it honors the standard proxy environment variables, so I'll send you the exact hostnames to allow-list today and the request can go in this week." },
        ] },
        { speakerId: "7300000000010600002", topic: "Introduction", sentences: [
          { start: 182655, end: 184599, text: "That would help a lot." },
          { start: 184898, end: 188043, text: "It's the longest lead-time item we have." },
        ] },
        { speakerId: "7200000000000000014", topic: "Introduction", sentences: [
          { start: 189107, end: 190301, text: "Great catch, Priya." },
          { start: 190609, end: 192209, text: "Okay, so, the tracker." },
          { start: 192311, end: 194426, text: "Does everyone see my screen?" },
        ] },
        { speakerId: "7300000000010600001", topic: null, sentences: [
          { start: 195233, end: 196631, text: "Yes, go ahead." },
        ] },
        { speakerId: "7200000000000000014", topic: "Onboarding Plan", sentences: [
          { start: 197647, end: 218599, text: "This is the shared onboarding tracker, every task has an owner and a due date, and we review it together on our weekly call, and if something slips we just move the date and add a note so everyone can see why, which keeps things honest without a lot of status meetings." },
          { start: 218812, end: 241429, text: "The foundation phase has eleven tasks, things like creating the workspaces, configuring SSO, inviting users, setting up the first work pool and deploying the first flow, and I've pre-filled the owners based on what we discussed during the sale, so you'll see Helen on most of them and Raj on the infrastructure ones, but feel free to change anything." },
          { start: 241681, end: 259793, text: "We also have office hours every Thursday where you can drop in with any question, a community Slack with a lot of very active users, and your enterprise support plan gives you a one-hour response time for severity one issues, which you hopefully won't need but it's good to know it's there." },
          { start: 260001, end: 275794, text: "And on top of that you'll get a monthly health report from me with usage, failures and adoption, which most customers share with their leadership, and we'll use it as the basis for the quarterly business reviews once you're live." },
        ] },
        { speakerId: "7300000000010600001", topic: "Onboarding Plan", sentences: [
          { start: 276521, end: 280505, text: "Who on our side did you put down for SSO?" },
        ] },
        { speakerId: "7200000000000000014", topic: "Onboarding Plan", sentences: [
          { start: 281847, end: 290992, text: "I put you, Helen, but it's probably whoever manages your identity provider, most customers use Okta or Entra ID and the setup takes about an hour." },
          { start: 291391, end: 302334, text: "After that comes SCIM, which provisions users and groups automatically, which is really nice because you don't have to invite people by hand, and when someone leaves they lose access right away." },
          { start: 302437, end: 307509, text: "I'd recommend enabling it from day one, because retrofitting groups later is more work." },
          { start: 307670, end: 314270, text: "We had one customer who waited three months and then had to clean up about forty manual accounts." },
        ] },
        { speakerId: "7300000000010600001", topic: "Onboarding Plan", sentences: [
          { start: 315034, end: 316914, text: "We use Entra ID." },
          { start: 317142, end: 320576, text: "Our identity team will have to do it." },
        ] },
        { speakerId: "7200000000000000014", topic: "Onboarding Plan", sentences: [
          { start: 321336, end: 322948, text: "Perfect, that's very common." },
          { start: 323157, end: 325669, text: "Does that make sense so far?" },
        ] },
        { speakerId: "7300000000010600001", topic: null, sentences: [
          { start: 326252, end: 326902, text: "Yes." },
        ] },
        { speakerId: "7200000000000000013", topic: "SSO", sentences: [
          { start: 328142, end: 334245, text: "For Entra ID, your identity team creates an enterprise application and we exchange metadata." },
          { start: 334392, end: 338676, text: "Helen, do you know whether they prefer SAML or OIDC?" },
        ] },
        { speakerId: "7300000000010600001", topic: "SSO", sentences: [
          { start: 339935, end: 343914, text: "I think SAML, that's what they use for everything else." },
        ] },
        { speakerId: "7200000000000000013", topic: "SSO", sentences: [
          { start: 345007, end: 346675, text: "Then SAML it is." },
          { start: 346762, end: 355130, text: "I'll send the steps for Entra ID, including the group claims, so your identity team can map groups to Horizon roles." },
        ] },
        { speakerId: "7200000000000000014", topic: "SSO", sentences: [
          { start: 356534, end: 370189, text: "And just to add, once SSO is on we recommend enforcing it, so nobody logs in with a password anymore, and we have a utilities customer who did that on day two and it went really smoothly." },
          { start: 370362, end: 379788, text: "Audit logs also capture every sign-in and every change, which your compliance team will like for NERC audits and that kind of thing." },
          { start: 379905, end: 386477, text: "I think we covered that in the security review as well, so I won't go into detail." },
        ] },
        { speakerId: "7300000000010600001", topic: null, sentences: [
          { start: 387668, end: 388318, text: "Okay." },
        ] },
        { speakerId: "7200000000000000014", topic: "Work Pools", sentences: [
          { start: 389253, end: 395402, text: "Next is work pools, which is probably the most important concept to get right early." },
          { start: 395614, end: 407673, text: "A work pool is basically where your flows run, and you can have several, for example one for Kubernetes, one for ECS, or a managed one where we run the infrastructure for you." },
          { start: 407853, end: 413574, text: "Each deployment points at one pool, and workers poll the pool and start the runs." },
          { start: 413684, end: 416745, text: "Priya, do you want to show the setup?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Work Pools", sentences: [
          { start: 417288, end: 417938, text: "Sure." },
          { start: 418160, end: 422714, text: "Raj, what does your compute look like today, outside the OT network?" },
        ] },
        { speakerId: "7300000000010600002", topic: "Work Pools", sentences: [
          { start: 423168, end: 424107, text: "Mostly EKS." },
          { start: 424313, end: 427407, text: "The Airflow cluster is on EKS too." },
        ] },
        { speakerId: "7200000000000000013", topic: "Work Pools", sentences: [
          { start: 427830, end: 439428, text: "Then I'd suggest a Kubernetes work pool for the EKS cluster, and a process work pool with a worker on the box in the OT network once the proxy is open." },
          { start: 439775, end: 443627, text: "The cron scripts there can run as they are." },
        ] },
        { speakerId: "7300000000010600002", topic: "Work Pools", sentences: [
          { start: 444331, end: 448689, text: "Can the worker on that box run as a system service?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Work Pools", sentences: [
          { start: 449099, end: 456004, text: "Yes, it's a single command, prefect worker start with the pool name, and you can wrap it in systemd." },
          { start: 456157, end: 459152, text: "I'll include a unit file in the notes." },
        ] },
        { speakerId: "7200000000000000014", topic: "Work Pools", sentences: [
          { start: 460590, end: 465892, text: "Perfect, and for the Kubernetes one there's a Helm chart, so that's really easy." },
          { start: 466077, end: 476361, text: "I'd also mention managed work pools again, because for some of your lighter jobs you might not need your own infrastructure at all, and that's included in your plan." },
          { start: 476471, end: 485057, text: "Lots of customers use them for quick wins like report generation or small API pulls, and we can look at that in phase two." },
        ] },
        { speakerId: "7300000000010600002", topic: "Work Pools", sentences: [
          { start: 485728, end: 492311, text: "Most of our jobs touch internal databases, so I doubt we'll use managed pools much." },
        ] },
        { speakerId: "7200000000000000014", topic: "Work Pools", sentences: [
          { start: 493449, end: 496093, text: "Sure, that's fine, it's just an option." },
          { start: 496212, end: 499817, text: "A lot of customers end up mixing both over time." },
        ] },
        { speakerId: "7300000000010600001", topic: "Migration", sentences: [
          { start: 500842, end: 503574, text: "Can we talk about the Airflow DAGs?" },
          { start: 503725, end: 506836, text: "That's what keeps me up at night." },
        ] },
        { speakerId: "7200000000000000014", topic: "Migration", sentences: [
          { start: 507422, end: 508242, text: "Of course." },
          { start: 508424, end: 523875, text: "The way we usually recommend is that you prioritize by business criticality and by how painful they are today, and you migrate in waves, with wave one being ten or so representative DAGs so you learn the patterns and the rest go faster." },
          { start: 524217, end: 532966, text: "Each Airflow task usually maps to a Prefect task, the DAG becomes a flow, and the dependencies just become Python function calls." },
          { start: 533101, end: 539013, text: "Honestly it's usually simpler than people expect, and a lot of teams find their code gets shorter." },
        ] },
        { speakerId: "7300000000010600001", topic: "Migration", sentences: [
          { start: 540220, end: 546767, text: "We have a few DAGs with custom sensors that wait on files from the grid operator." },
          { start: 546925, end: 548558, text: "How would those work?" },
        ] },
        { speakerId: "7200000000000000014", topic: "Migration", sentences: [
          { start: 549440, end: 553521, text: "Good question, there are a few ways to do that." },
          { start: 553667, end: 554317, text: "Priya?" },
        ] },
        { speakerId: "7200000000000000013", topic: "Migration", sentences: [
          { start: 554905, end: 557240, text: "The cleanest approach is event driven." },
          { start: 557400, end: 573446, text: "Instead of a sensor polling for a file, an automation triggers the deployment when the file lands, from an S3 event or a webhook, and I'd suggest we put one sensor DAG into wave one so we solve that pattern early." },
        ] },
        { speakerId: "7300000000010600001", topic: "Migration", sentences: [
          { start: 574130, end: 575402, text: "That makes sense." },
          { start: 575791, end: 577211, text: "I'll pick one." },
        ] },
        { speakerId: "7200000000000000014", topic: "Migration", sentences: [
          { start: 577841, end: 578491, text: "Great." },
          { start: 578723, end: 593591, text: "For the timeline, we'd aim to finish the foundation phase in the first three weeks, then migration waves over the following six weeks, and optimization at the end, and I'll put all of that in the tracker." },
          { start: 593735, end: 605338, text: "We also have a customer advisory board you might want to join later, and a quarterly roadmap webinar where our product team previews new features, which people really like." },
        ] },
        { speakerId: "7300000000010600001", topic: null, sentences: [
          { start: 605765, end: 606415, text: "Sure." },
        ] },
        { speakerId: "7200000000000000014", topic: "Next Steps", sentences: [
          { start: 607063, end: 608225, text: "So, next steps." },
          { start: 608453, end: 619912, text: "I'll send the recording, the tracker, the migration guide and the best practices document today, and Priya will send the Entra ID steps, the proxy hostnames and the systemd unit file." },
          { start: 620066, end: 623602, text: "We'll meet weekly at this time, starting next week." },
          { start: 623907, end: 624772, text: "Sound good?" },
        ] },
        { speakerId: "7300000000010600001", topic: "Next Steps", sentences: [
          { start: 625422, end: 626072, text: "Yes." },
          { start: 626430, end: 631495, text: "Can we make sure the proxy request is first on the tracker?" },
        ] },
        { speakerId: "7200000000000000014", topic: "Next Steps", sentences: [
          { start: 632053, end: 634813, text: "Absolutely, I'll put it at the top." },
          { start: 635044, end: 635874, text: "Anything else?" },
        ] },
        { speakerId: "7300000000010600002", topic: null, sentences: [
          { start: 636464, end: 637884, text: "Not from me." },
        ] },
        { speakerId: "7200000000000000014", topic: "Next Steps", sentences: [
          { start: 638613, end: 640860, text: "Great, thanks everyone, and welcome aboard." },
        ] },
        { speakerId: "7300000000010600001", topic: null, sentences: [
          { start: 642263, end: 642913, text: "Thanks." },
        ] },
      ],
    },
  },
];
