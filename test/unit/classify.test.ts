import { classifyCallType, classifyProduct, gongContentHints } from "../../src/modules/calls/call-classifier";
import { CallType, Product } from "../../src/modules/calls/call.enums";
import { roleFromTitle } from "../../src/modules/reps/rep-role";
import { RepRole } from "../../src/modules/reps/rep.entity";

describe("classifyCallType", () => {
  it.each<[string, CallType]>([
    ["Acme / Discovery", CallType.DISCOVERY],
    ["Acme <> Prefect | Intro call", CallType.DISCOVERY],
    ["Globex - Initial call re: orchestration", CallType.DISCOVERY],
    ["Prefect Horizon demo for Umbrella Corp", CallType.DEMO],
    ["Initech: product walk-through", CallType.DEMO],
    ["Technical deep dive: Horizon architecture", CallType.TECHNICAL_DEEP_DIVE],
    ["Hooli POC check-in", CallType.TECHNICAL_DEEP_DIVE],
    ["Stark Industries - contract redlines", CallType.NEGOTIATION],
    ["Wayne Enterprises procurement follow-up", CallType.NEGOTIATION],
    ["Globex QBR (Q3 FY26)", CallType.QBR],
    ["Acme quarterly business review", CallType.QBR],
    ["Umbrella onboarding kickoff", CallType.ONBOARDING],
    ["Initech kick-off", CallType.ONBOARDING],
    ["Vandelay renewal", CallType.RENEWAL],
    ["Weekly sync", CallType.OTHER],
    ["", CallType.OTHER],
  ])("%j → %s", (title, expected) => {
    expect(classifyCallType(title)).toBe(expected);
  });

  it("applies rules in priority order when a title names several kinds", () => {
    expect(classifyCallType("Renewal pricing review")).toBe(CallType.RENEWAL); // renewal before negotiation
    expect(classifyCallType("Intro + demo")).toBe(CallType.DEMO); // demo before discovery
    expect(classifyCallType("QBR and renewal planning")).toBe(CallType.QBR);
  });

  it("matches whole words only", () => {
    expect(classifyCallType("Demographics data pipeline chat")).toBe(CallType.OTHER);
    expect(classifyCallType("Renewable energy co. sync")).toBe(CallType.OTHER);
  });
});

describe("classifyProduct", () => {
  it("UNKNOWN when neither product is named", () => {
    expect(classifyProduct("Acme / Discovery", "We talked about their data warehouse and dbt jobs.")).toBe(Product.UNKNOWN);
  });

  it("PREFECT when only Prefect is named (any case, possessive)", () => {
    expect(classifyProduct("Acme / Discovery", "They run PREFECT flows today. Prefect's retries help.")).toBe(Product.PREFECT);
  });

  it("HORIZON when Horizon is named, even though Horizon calls mention Prefect flows", () => {
    expect(
      classifyProduct("Globex / Horizon demo", "Horizon runs your Prefect flows. Prefect deployments move over as-is."),
    ).toBe(Product.HORIZON);
  });

  it("BOTH only when self-hosting is discussed at least twice alongside Horizon", () => {
    const text = "Today they self-host the open-source Prefect server. Horizon would replace that.";
    expect(classifyProduct("Initech / Horizon vs OSS", text)).toBe(Product.BOTH);
    // A single mention of open source is not enough.
    expect(classifyProduct("Initech / Horizon", "Horizon builds on the open-source engine.")).toBe(Product.HORIZON);
  });

  it("counts the title and the transcript together", () => {
    expect(classifyProduct("Prefect onboarding", "")).toBe(Product.PREFECT);
    expect(classifyProduct("Weekly sync", "Horizon SSO came up.")).toBe(Product.HORIZON);
  });
});

describe("roleFromTitle", () => {
  it.each<[string | null | undefined, RepRole | null]>([
    ["Account Executive", RepRole.AE],
    ["Senior Enterprise Account Executive", RepRole.AE],
    ["AE", RepRole.AE],
    ["Sr. AE, Mid-Market", RepRole.AE],
    ["Regional Sales Director", RepRole.AE],
    ["Sales Engineer", RepRole.SE],
    ["Senior Solutions Engineer", RepRole.SE],
    ["Solution Architect", RepRole.SE],
    ["Presales Consultant", RepRole.SE],
    ["Pre-Sales Lead", RepRole.SE],
    ["SE", RepRole.SE],
    ["Customer Success Manager", RepRole.CSM],
    ["CSM, Strategic Accounts", RepRole.CSM],
    ["Account Manager", RepRole.CSM],
    ["Software Engineer", null],
    ["VP of Marketing", null],
    ["Head of Data", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%j → %s", (title, expected) => {
    expect(roleFromTitle(title)).toBe(expected);
  });

  it("does not read role abbreviations inside other words", () => {
    expect(roleFromTitle("Senior Data Scientist")).toBeNull(); // no "se" / "ae" word
    expect(roleFromTitle("Aerospace liaison")).toBeNull();
  });
});

describe("classifyCallType with Gong hints", () => {
  it("falls back to topic and tracker names and the brief when the title says nothing", () => {
    const hints = gongContentHints({ topics: [{ name: "Intro" }, { name: "Contract redlines" }], trackers: [{ name: "Competitors" }], brief: "Legal review." });
    expect(hints).toEqual(["Intro", "Contract redlines", "Competitors", "Legal review."]);
    expect(classifyCallType("Acme <> Prefect", hints)).toBe(CallType.NEGOTIATION);
    expect(classifyCallType("Acme QBR", hints)).toBe(CallType.QBR); // the title wins
    expect(classifyCallType("Acme sync", gongContentHints(undefined))).toBe(CallType.OTHER);
  });
});
