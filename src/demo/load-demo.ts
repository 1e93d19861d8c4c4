/**
 * Loads the bundled demo calls (src/demo/demo-calls.ts, titles prefixed "[Demo]", `isDemo: true`)
 * so that a new user's first query returns something, and queues their analysis when the heuristic
 * engine is in use. Only on an empty embedded database.
 */
import type { App } from "../core/app";
import { gongCallTranscriptSchema, gongExtensiveCallSchema } from "../modules/calls/import/gong-shapes";
import { DEMO_CALLS } from "./demo-calls";

export async function loadDemoData(app: App): Promise<number> {
  const existing: { n: string }[] = await app.db.dataSource.query("SELECT count(*) AS n FROM calls");
  if (Number(existing[0].n) > 0) return 0;
  for (const demo of DEMO_CALLS) {
    const { callId } = await app.services.callImport.importCall(
      {
        call: gongExtensiveCallSchema.parse(demo.call),
        transcript: gongCallTranscriptSchema.parse(demo.transcript),
        source: "DEMO",
        origin: ["demo"],
      },
      { isDemo: true },
    );
    // Analysed too, so a first look shows coaching — but only by the free heuristic engine: a
    // configured API key is never spent on demo calls without being asked.
    if (!app.config.analysis.apiKey) await app.services.analysisRequests.request({ callId, reason: "demo" });
  }
  app.logger.info({ calls: DEMO_CALLS.length }, "demo calls loaded (marked [Demo]; start with --no-demo to skip)");
  return DEMO_CALLS.length;
}
