/**
 * Section 10: the weekly review for 50 reps. A week of calls (2 per rep, AEs and SEs, ~30 speaker
 * turns each) is imported; half of them are analysed beforehand, the rest are analysed by the review
 * itself with the Claude engine against the fake Messages API (in a worker thread, latency L per
 * response). Timed: catch-up analyses + writing 50 rep reports and the team report, then a re-run
 * with everything analysed (reports only).
 */
import { performance } from "node:perf_hooks";
import pLimit from "p-limit";
import { startFakeInWorker } from "./fake-worker";
import { backendsFor, openBenchApp } from "./backends";
import { fmt, int, padEnd, type SectionContext } from "./section";

const REPS = 50;
const CALLS_PER_REP = 2;
const WEEK = "2026-11-02";
const LINES = [
  "How do your nightly pipelines run today, and who gets paged when one fails?",
  "Mostly cron on two servers, and the finance team tells us when a report is empty.",
  "What does a failed night cost you in engineer hours?",
  "Half a day for two people, sometimes more when the warehouse load is late.",
  "Prefect retries and automations would catch that before the morning; Horizon runs the workers for you.",
  "Our budget is tight this year and security will want a review.",
  "That's fair. Who besides you signs off, and what does the security review look for?",
  "Our CISO, and she wants SSO and audit logs.",
  "Horizon has both; shall we book a technical session next Tuesday to map the jobs?",
  "Yes, that makes sense, Tuesday works.",
];

function gongCall(i: number, rep: { name: string; email: string; title: string }, started: string) {
  const rp = { id: `8${String(i).padStart(18, "0")}`, speakerId: `81${String(i).padStart(17, "0")}`, name: rep.name, emailAddress: rep.email, title: rep.title, affiliation: "Internal" };
  const cu = { id: `9${String(i).padStart(18, "0")}`, speakerId: `91${String(i).padStart(17, "0")}`, name: "Casey Buyer", emailAddress: "casey@buyer.example", affiliation: "External" };
  const transcript = Array.from({ length: 30 }, (_, k) => ({
    speakerId: k % 2 === 0 ? rp.speakerId : cu.speakerId,
    topic: null,
    sentences: [{ start: k * 20_000, end: k * 20_000 + 15_000, text: LINES[k % LINES.length] }],
  }));
  const id = `7${String(i).padStart(18, "0")}`;
  return {
    call: { metaData: { id, title: `Bench review call ${i}`, started, duration: 600 }, parties: [rp, cu] },
    transcript: { callId: id, transcript },
  };
}

export async function reviewSection(ctx: SectionContext, opts: { latencyMs: number }): Promise<void> {
  const { out } = ctx;
  const fake = await startFakeInWorker(opts.latencyMs);
  ctx.onCleanup("close the fake Anthropic API", () => fake.close());
  out(`  ${REPS} reps (AEs and SEs) × ${CALLS_PER_REP} calls in the week of ${WEEK}; half analysed beforehand; fake API latency ${opts.latencyMs} ms.`);
  for (const kind of backendsFor(ctx)) {
    const o = await openBenchApp(ctx, kind, "review", { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: fake.url, CALLCOACH_MODEL: "claude-sonnet-5-5" });
    try {
      const { services } = o.app;
      ctx.progress(`review (${o.short}): importing ${REPS * CALLS_PER_REP} calls…`);
      let n = 0;
      const callIds: string[] = [];
      for (let r = 0; r < REPS; r++) {
        const rep = { name: `Rep ${r}`, email: `rep${r}@prefect.example`, title: r % 3 === 0 ? "Solutions Engineer" : "Account Executive" };
        for (let c = 0; c < CALLS_PER_REP; c++) {
          const day = 2 + ((r + c) % 5);
          const g = gongCall(n++, rep, `2026-11-0${day}T10:00:00-08:00`);
          const imp = services.callImport.fromJson(g.call, g.transcript);
          callIds.push((await services.callImport.importCall(imp)).callId);
        }
      }
      ctx.progress(`review (${o.short}): analysing half of the calls beforehand…`);
      const limit = pLimit(4);
      const before = callIds.filter((_, i) => i % 2 === 0);
      await Promise.all(
        before.map((id) =>
          limit(async () => {
            const r = await services.analysisRequests.request({ callId: id }, { enqueue: false });
            for (const a of r.toRun) await services.analysisRunner.run(a);
          }),
        ),
      );
      const requestsBefore = (await fake.counts()).messages;
      ctx.progress(`review (${o.short}): running the review…`);
      const t0 = performance.now();
      const { requested } = await services.reviews.catchUp(WEEK, { enqueue: false });
      await Promise.all(requested.map((id) => limit(() => services.analysisRunner.run(id))));
      const t1 = performance.now();
      const { reports } = await services.reviews.writeReports(WEEK);
      const t2 = performance.now();
      const again = await services.reviews.catchUp(WEEK, { enqueue: false });
      const t3 = performance.now();
      await services.reviews.writeReports(WEEK);
      const t4 = performance.now();
      const requests = (await fake.counts()).messages - requestsBefore;
      out(`  ${o.short}:`);
      out(`    ${padEnd("catch-up analyses", 34)} ${int(requested.length)} analyses, ${int(requests)} API requests, ${fmt((t1 - t0) / 1000, 1)} s (4 at a time)`);
      out(`    ${padEnd("write reports", 34)} ${reports.length} reports (${reports.length - 1} reps + team), ${fmt(t2 - t1, 0)} ms`);
      out(`    ${padEnd("whole review", 34)} ${fmt((t2 - t0) / 1000, 1)} s`);
      out(`    ${padEnd("re-run (all analysed)", 34)} ${again.requested.length} analyses requested, ${fmt(t4 - t2, 0)} ms (catch-up check ${fmt(t3 - t2, 0)} ms)`);
    } finally {
      await o.close();
    }
  }
}
