import { backend } from "../helpers/test-db";
import type { TestServer } from "../helpers/test-server";
import { connectMcp, type McpTestClient } from "../helpers/mcp";
import { TokenRole } from "../../src/modules/tokens/api-token.entity";
import { startDemoServer } from "./demo-server";

interface Rubric {
  role: string;
  name: string;
  dimensions: { key: string; name: string; weight: number; criteria: string[] }[];
}

describe(`MCP rubric resources and prompts (${backend})`, () => {
  let ts: TestServer;
  let admin: McpTestClient;
  let rubrics: Rubric[];
  beforeAll(async () => {
    ts = await startDemoServer({ workers: false }); // demo data for a REP token
    admin = await connectMcp(ts.url, ts.adminToken);
    rubrics = (await ts.gql(`{ rubrics { role name dimensions { key name weight criteria } } }`)).data!.rubrics;
  });
  afterAll(async () => {
    await admin?.close();
    await ts?.close();
  });

  it("lists one Markdown rubric per role", async () => {
    const { resources } = await admin.client.listResources();
    const rubricResources = resources.filter((r) => r.uri.startsWith("callcoach://rubrics/"));
    expect(rubricResources.map((r) => r.uri).sort()).toEqual(["callcoach://rubrics/AE", "callcoach://rubrics/CSM", "callcoach://rubrics/SE"]);
    for (const r of rubricResources) {
      expect(r.mimeType).toBe("text/markdown");
      expect(r.name).toMatch(/^rubric-(ae|se|csm)$/);
      expect(r.description).toMatch(/5 dimensions/);
    }
    const { resourceTemplates } = await admin.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain("callcoach://rubrics/{role}");
  });

  it.each(["AE", "SE", "CSM"])("reads the %s rubric as Markdown with every dimension, its weight and criteria", async (role) => {
    const { contents } = await admin.client.readResource({ uri: `callcoach://rubrics/${role}` });
    expect(contents).toHaveLength(1);
    const c = contents[0] as { uri: string; mimeType: string; text: string };
    expect(c).toMatchObject({ uri: `callcoach://rubrics/${role}`, mimeType: "text/markdown" });
    const rubric = rubrics.find((r) => r.role === role)!;
    expect(c.text.startsWith(`# ${rubric.name} (${role}, version `)).toBe(true);
    for (const d of rubric.dimensions) {
      expect(c.text).toContain(`## ${d.name} — \`${d.key}\` (weight ${d.weight})`);
      expect(c.text).toContain(`- ${d.criteria[0]}`);
    }
    expect(c.text).toMatch(/Score bands:/);
  });

  it("accepts a lower-case role and refuses an unknown one", async () => {
    const { contents } = await admin.client.readResource({ uri: "callcoach://rubrics/se" });
    expect((contents[0] as { text: string }).text).toMatch(/\(SE, version /);
    await expect(admin.client.readResource({ uri: "callcoach://rubrics/CFO" })).rejects.toThrow(/No rubric for role CFO; roles: .*AE/);
  });

  it("serves the rubrics to a REP token too", async () => {
    const rep = await connectMcp(ts.url, await ts.token(TokenRole.REP, "maya.chen@prefect-demo.example"));
    try {
      const { resources } = await rep.client.listResources();
      expect(resources.filter((r) => r.uri.startsWith("callcoach://rubrics/"))).toHaveLength(3);
      const { contents } = await rep.client.readResource({ uri: "callcoach://rubrics/CSM" });
      expect((contents[0] as { text: string }).text).toContain(rubrics.find((r) => r.role === "CSM")!.dimensions[0].name);
    } finally {
      await rep.close();
    }
  });

  it("lists the prompts with their arguments", async () => {
    const { prompts } = await admin.client.listPrompts();
    const byName = new Map(prompts.map((p) => [p.name, p]));
    expect(byName.get("coach_me_on_my_last_call")).toMatchObject({ title: "Coach me on my last call", arguments: [{ name: "rep_email", required: false }] });
    expect(byName.get("prepare_one_on_one")).toMatchObject({ arguments: [{ name: "rep_email", required: true }] });
  });

  it("coach_me_on_my_last_call tells Claude which tools to use, and every tool it names exists", async () => {
    const { tools } = await admin.client.listTools();
    const names = new Set(tools.map((t) => t.name));
    for (const args of [{}, { rep_email: "maya.chen@prefect-demo.example" }] as Record<string, string>[]) {
      const p = await admin.client.getPrompt({ name: "coach_me_on_my_last_call", arguments: args });
      expect(p.messages).toHaveLength(1);
      expect(p.messages[0].role).toBe("user");
      const text = (p.messages[0].content as { type: string; text: string }).text;
      expect(text).toMatch(/search_calls/);
      expect(text).toMatch(/analyze_call/);
      if ("rep_email" in args) expect(text).toContain('rep_email "maya.chen@prefect-demo.example"');
      for (const named of text.match(/\b[a-z]+_[a-z_]+\b/g)!.filter((w) => /^(get|search|analyze|compare|list)_/.test(w))) expect(names).toContain(named);
    }
    const oneOnOne = await admin.client.getPrompt({ name: "prepare_one_on_one", arguments: { rep_email: "maya.chen@prefect-demo.example" } });
    const text = (oneOnOne.messages[0].content as { text: string }).text;
    for (const named of text.match(/\b(get|search|analyze|compare|list)_[a-z_]+\b/g)!) expect(names).toContain(named);
  });

  it("refuses prepare_one_on_one without its required rep_email", async () => {
    await expect(admin.client.getPrompt({ name: "prepare_one_on_one", arguments: {} })).rejects.toThrow(/rep_email/);
  });
});
