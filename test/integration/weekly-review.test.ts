/**
 * The weekly review end to end on the server's own workers: runWeeklyReview → missing analyses
 * (heuristic engine) → follow-up check → rep and team reports stored as Markdown, a valid HTML page
 * with SVG charts and an e-mail body without SVG → delivery to a local webhook receiver that fails
 * twice (retried) and to a local SMTP server. Re-running replaces reports without duplicating them
 * or sending them again; N schedulers enqueue a week once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { HtmlValidate } from "html-validate";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { waitFor } from "../helpers/wait";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";

const LINES = [
  "Thanks for joining. How do your data pipelines run today, and who gets paged when one fails?",
  "Mostly cron on two servers; when a job fails we find out from the finance team in the morning.",
  "I can walk you through how Prefect deployments, work pools and retries would replace those cron jobs.",
  "Our budget is tight this year and the price of a managed service worries me.",
  "That's fair. What would a failed night cost you in engineering hours today?",
  "Probably half a day for two engineers, so it adds up.",
  "As a next step, shall we book a technical session on Tuesday to map the jobs?",
  "Yes, that makes sense, let's do Tuesday.",
];

const REPORTS = /* GraphQL */ `
  query($week: String) { weeklyReports(week: $week) { id weekStart repId markdown html emailHtml data deliveredAt deliveryError updatedAt } }
`;

describe(`weekly review (${backend})`, () => {
  let ts: TestServer;
  let hook: http.Server;
  const hookBodies: any[] = [];
  let hookFailures = 2;
  let smtp: SMTPServer;
  const mails: { to: string[]; data: string }[] = [];

  beforeAll(async () => {
    hook = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        if (hookFailures-- > 0) return void res.writeHead(500).end("down");
        hookBodies.push(JSON.parse(body));
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, cb) {
        let data = "";
        stream.on("data", (d) => (data += d));
        stream.on("end", () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    ts = await startTestServer({
      env: {
        REVIEW_WAIT_SECONDS: "5",
        REPORT_RETRY_SECONDS: "1",
        REPORT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        REPORT_EMAIL_TO: "lead@prefect.example",
      },
    });
    const reps = [
      { name: "Ada Exec", email: "ada@prefect.example", title: "Account Executive" },
      { name: "Sam Engineer", email: "sam@prefect.example", title: "Solutions Engineer" },
    ];
    const calls = [
      { gongId: "7700000000000000001", started: "2026-11-03T10:00:00-08:00", reps },
      { gongId: "7700000000000000002", started: "2026-11-05T15:00:00-08:00", reps: [reps[0]] },
      { gongId: "7700000000000000003", started: "2026-11-08T23:30:00-08:00", reps: [reps[0]] }, // Sunday night: still this week
      { gongId: "7700000000000000004", started: "2026-10-28T10:00:00-07:00", reps: [reps[0]] }, // the week before
      { gongId: "7700000000000000005", started: "2026-11-09T00:30:00-08:00", reps: [reps[0]] }, // next week
    ];
    for (const c of calls) {
      const r = await ts.gql(IMPORT_CALL, { input: gongCall({ ...c, sentences: LINES.length, text: (i) => LINES[i] }) });
      expect(r.errors).toBeUndefined();
    }
    // The week before is analysed already, so the review can show who moved.
    const prev = await ts.gql(`mutation { analyzeCall(callId: "7700000000000000004") { id } }`);
    const prevId = prev.data!.analyzeCall[0].id;
    await waitFor("the earlier analysis", async () => (await ts.gql(`query($id: ID!) { analysis(id: $id) { status } }`, { id: prevId })).data?.analysis.status === "COMPLETED");
  });
  afterAll(async () => {
    await ts?.close();
    await new Promise<void>((r) => hook.close(() => r()));
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  const reportsOf = async (week: string, token?: string) => (await ts.gql(REPORTS, { week }, token)).data!.weeklyReports as any[];

  it("analyses the week's calls, then stores a report per rep and a team report", async () => {
    const run = await ts.gql(`mutation { runWeeklyReview(week: "2026-11-04") { weekStart jobId } }`);
    expect(run.errors).toBeUndefined();
    expect(run.data!.runWeeklyReview).toMatchObject({ weekStart: "2026-11-02", jobId: expect.any(String) });
    const reports = await waitFor("the reports", async () => {
      const list = await reportsOf("2026-11-02");
      return list.some((r) => r.repId === null) ? list : undefined;
    }, 45_000);
    expect(reports).toHaveLength(3);
    const team = reports.find((r) => r.repId === null);
    expect(team.data).toMatchObject({ weekStart: "2026-11-02", calls: 3, analyses: 4 });
    expect(team.data.distribution.reduce((n: number, b: any) => n + b.count, 0)).toBe(4);
    expect(team.data.movers.map((m: any) => m.name)).toEqual(["Ada Exec"]);
    const ada = reports.find((r) => r.data.rep?.email === "ada@prefect.example");
    expect(ada.data).toMatchObject({ calls: 3, analyses: 3, previousOverall: expect.any(Number) });
    expect(ada.data.seriesWeeks).toHaveLength(8);
    expect(ada.data.seriesWeeks[7]).toBe("2026-11-02");
    expect(ada.markdown).toMatch(/^# Weekly coaching review — Ada Exec \(AE\), week of 2026-11-02/);
    for (const d of ada.data.dimensions) expect(ada.markdown).toContain(`| ${d.dimension} | ${d.average} |`);
    expect(team.markdown).toContain("| Ada Exec | AE | 3 |");
    expect(team.markdown).toContain("| Sam Engineer | SE | 1 |");
  });

  it("renders a valid, complete HTML page with SVG charts and an e-mail body without SVG", async () => {
    const reports = await reportsOf("2026-11-02");
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "no-inline-style": "off", "doctype-style": "off" } });
    for (const r of reports) {
      const report = await validator.validateString(r.html);
      expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
      expect(r.html).toMatch(/<svg [^>]*role="img"/);
      expect(r.emailHtml).not.toMatch(/<svg/i);
      expect(r.emailHtml).toMatch(/bgcolor="#2f6fb3"/);
    }
    const ada = reports.find((r) => r.data.rep?.email === "ada@prefect.example");
    for (const d of ada.data.dimensions) expect(ada.html).toContain(`<title>${d.dimension}</title>`);
    expect(reports.find((r) => r.repId === null).html).toContain('aria-label="Overall score distribution"');
  });

  it("delivers the team report to the webhook (retrying a failing receiver) and every report by e-mail", async () => {
    await waitFor("every report delivered", async () => (await reportsOf("2026-11-02")).every((r) => r.deliveredAt !== null), 45_000);
    expect(hookFailures).toBeLessThan(0); // two failures, then success
    expect(hookBodies).toHaveLength(1);
    expect(hookBodies[0].text).toMatch(/^Weekly team review, week of 2026-11-02: 3 calls, 4 analyses\./);
    expect(hookBodies[0].blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Weekly team review — week of 2026-11-02" } });
    const to = mails.map((m) => m.to.join(",")).sort();
    expect(to).toEqual(["ada@prefect.example", "lead@prefect.example", "sam@prefect.example"]);
    const lead = mails.find((m) => m.to.includes("lead@prefect.example"))!;
    expect(lead.data).toMatch(/^Subject: =\?UTF-8\?Q\?Weekly_team_review_/m); // MIME-encoded (the em dash)
    expect(lead.data).not.toMatch(/<svg/i);
  });

  it("re-running replaces the week's reports without duplicating or re-sending them", async () => {
    const before = await reportsOf("2026-11-02");
    const run = await ts.gql(`mutation { runWeeklyReview(week: "2026-11-02") { weekStart } }`);
    expect(run.errors).toBeUndefined();
    const after = await waitFor("rewritten reports", async () => {
      const list = await reportsOf("2026-11-02");
      const team = list.find((r) => r.repId === null);
      return team && team.updatedAt !== before.find((r) => r.repId === null).updatedAt ? list : undefined;
    }, 30_000);
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    const [{ n }] = await ts.tdb.db.dataSource.query(`SELECT count(*)::int AS n FROM weekly_reports WHERE week_start = '2026-11-02'`);
    expect(n).toBe(3);
    const [{ jobs }] = await ts.tdb.db.dataSource.query(`SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'report.deliver'`);
    expect(jobs).toBe(4); // 1 webhook + 3 e-mails, none again
  });

  it("enqueues a week once however many schedulers fire", async () => {
    const reviews = ts.server.app.services.reviews;
    const first = await Promise.all([reviews.enqueueOnce("2026-10-19"), reviews.enqueueOnce("2026-10-19"), reviews.enqueueOnce("2026-10-19")]);
    expect(first.filter(Boolean)).toHaveLength(1);
  });

  it("shows a REP only their own report, and refuses runWeeklyReview to non-admins", async () => {
    const ada = await ts.token(TokenRole.REP, "ada@prefect.example");
    const mine = await reportsOf("2026-11-02", ada);
    expect(mine.map((r) => r.data.rep?.email)).toEqual(["ada@prefect.example"]);
    const denied = await ts.gql(`mutation { runWeeklyReview { weekStart } }`, {}, ada);
    expect(denied.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    const bad = await ts.gql(`mutation { runWeeklyReview(week: "last week") { weekStart } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_WEEK" });
  });
});
