/**
 * Rubrics from the knowledge base: loaded on start, readable by any viewer, reloadable by ADMIN
 * (all or nothing), and an invalid knowledge base fails start-up with its problems.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { backend, captureLogger, createTestDatabase } from "../helpers/test-db";
import { IMPORT_CALL, gongCall } from "../helpers/fixtures";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { openApp } from "../../src/core/app";
import { knowledgeDir } from "../../src/core/paths";

const RUBRICS = /* GraphQL */ `
  {
    rubrics {
      role
      name
      version
      description
      loadedAt
      dimensions {
        key
        name
        weight
        description
        criteria
        bands { min label description }
        examples { excellent poor }
        version
      }
    }
  }
`;
const RELOAD = /* GraphQL */ `mutation { reloadKnowledge { rubrics dimensions changedDimensions } }`;

const editRubric = (dir: string, file: string, change: (json: any) => void) => {
  const full = path.join(dir, "rubrics", file);
  const json = JSON.parse(fs.readFileSync(full, "utf8"));
  change(json);
  fs.writeFileSync(full, JSON.stringify(json, null, 2));
};

describe(`rubrics and the knowledge base (${backend})`, () => {
  let ts: TestServer;
  let dir: string;
  let repToken: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "knowledge-"));
    fs.cpSync(knowledgeDir(), dir, { recursive: true });
    ts = await startTestServer({ env: { CALLCOACH_KNOWLEDGE_DIR: dir } });
    const ann = { name: "Ann Rep", email: "ann@prefect.example", title: "Account Executive" };
    const imported = await ts.gql(IMPORT_CALL, { input: gongCall({ gongId: "6200000000000000001", reps: [ann] }) });
    expect(imported.errors).toBeUndefined();
    repToken = await ts.token(TokenRole.REP, ann.email);
  });
  afterAll(async () => {
    await ts?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loads the three rubrics on start, with 5 dimensions each", async () => {
    const res = await ts.gql(RUBRICS);
    expect(res.errors).toBeUndefined();
    const rubrics = res.data!.rubrics;
    expect(rubrics.map((r: any) => r.role)).toEqual(["AE", "SE", "CSM"]);
    for (const r of rubrics) {
      expect(r.dimensions).toHaveLength(5);
      expect(r.description).toBeTruthy();
      expect(r.version).toMatch(/^[0-9a-f]{64}$/);
      expect(r.dimensions.reduce((s: number, d: any) => s + d.weight, 0)).toBeCloseTo(1, 6);
      for (const d of r.dimensions) {
        expect(d.version).toMatch(/^[0-9a-f]{64}$/);
        expect(d.bands.map((b: any) => b.min)).toEqual([90, 80, 70, 60, 0]);
        expect(d.examples.excellent.length).toBeGreaterThan(0);
      }
    }
    expect(ts.logs.some((l) => l.includes("knowledge base loaded"))).toBe(true);
  });

  it("lets a REP read the rubrics but not reload them", async () => {
    const read = await ts.gql(`{ rubrics { role } }`, {}, repToken);
    expect(read.errors).toBeUndefined();
    expect(read.data!.rubrics).toHaveLength(3);
    const reload = await ts.gql(RELOAD, {}, repToken);
    expect(reload.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(reload.data).toBeNull();
  });

  it("reloads as ADMIN: nothing changed reports 0 changed dimensions", async () => {
    const res = await ts.gql(RELOAD);
    expect(res.errors).toBeUndefined();
    expect(res.data!.reloadKnowledge).toEqual({ rubrics: 3, dimensions: 15, changedDimensions: 0 });
  });

  it("reports exactly the edited dimension as changed, and updates only its version", async () => {
    const before = (await ts.gql(RUBRICS)).data!.rubrics;
    editRubric(dir, "csm.json", (j) => j.dimensions[0].criteria.push("Quotes the customer's own numbers back to them."));
    const res = await ts.gql(RELOAD);
    expect(res.data!.reloadKnowledge).toEqual({ rubrics: 3, dimensions: 15, changedDimensions: 1 });
    const after = (await ts.gql(RUBRICS)).data!.rubrics;
    const versions = (rs: any[]) => rs.flatMap((r) => r.dimensions.map((d: any) => `${r.role}.${d.key}=${d.version}`));
    const changed = versions(after).filter((v) => !versions(before).includes(v));
    expect(changed).toEqual([expect.stringMatching(/^CSM\.value_realisation=/)]);
    expect(after.find((r: any) => r.role === "CSM").version).not.toBe(before.find((r: any) => r.role === "CSM").version);
    expect(after.find((r: any) => r.role === "AE").version).toBe(before.find((r: any) => r.role === "AE").version);
  });

  it("refuses an invalid knowledge base with BAD_USER_INPUT naming file and path, changing nothing", async () => {
    const before = (await ts.gql(RUBRICS)).data!.rubrics;
    editRubric(dir, "ae.json", (j) => (j.name = "Renamed AE")); // valid on its own …
    editRubric(dir, "se.json", (j) => (j.dimensions[0].weight = 0.9)); // … but this file is not
    const res = await ts.gql(RELOAD);
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/rubrics\/se\.json: dimensions: weights must sum to 1\.0/);
    const after = (await ts.gql(RUBRICS)).data!.rubrics;
    expect(after).toEqual(before);
  });

  it("fails start-up when the knowledge base is invalid, with the problems in the message", async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "knowledge-"));
    fs.cpSync(knowledgeDir(), broken, { recursive: true });
    editRubric(broken, "ae.json", (j) => (j.dimensions[1].key = j.dimensions[0].key));
    const tdb = await createTestDatabase({ CALLCOACH_KNOWLEDGE_DIR: broken });
    try {
      await expect(openApp(tdb.config, captureLogger().logger, { command: "test", db: tdb.db, migrate: false })).rejects.toThrow(
        /rubrics\/ae\.json: dimensions\[1\]\.key: duplicate key "discovery"/,
      );
      const rows = await tdb.db.dataSource.query(`SELECT count(*)::int AS n FROM rubrics`);
      expect(rows[0].n).toBe(0);
    } finally {
      await tdb.close();
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});
