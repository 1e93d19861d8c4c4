/**
 * Loads the bundled demo calls (src/demo/demo-calls.ts, titles prefixed "[Demo]", `isDemo: true`)
 * so that a new user's first query returns something. Only on an empty embedded database.
 */
import type { App } from "../core/app";
import { gongCallTranscriptSchema, gongExtensiveCallSchema } from "../modules/calls/import/gong-shapes";
import { DEMO_CALLS } from "./demo-calls";

export async function loadDemoData(app: App): Promise<number> {
  const existing: { n: string }[] = await app.db.dataSource.query("SELECT count(*) AS n FROM calls");
  if (Number(existing[0].n) > 0) return 0;
  for (const demo of DEMO_CALLS) {
    await app.services.callImport.importCall(
      {
        call: gongExtensiveCallSchema.parse(demo.call),
        transcript: gongCallTranscriptSchema.parse(demo.transcript),
        source: "DEMO",
        origin: ["demo"],
      },
      { isDemo: true },
    );
  }
  app.logger.info({ calls: DEMO_CALLS.length }, "demo calls loaded (marked [Demo]; start with --no-demo to skip)");
  return DEMO_CALLS.length;
}
