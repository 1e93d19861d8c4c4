import { registerEnumType } from "type-graphql";

/** Kind of sales conversation; decides metric targets and which rubric criteria matter most. */
export enum CallType {
  DISCOVERY = "DISCOVERY",
  DEMO = "DEMO",
  TECHNICAL_DEEP_DIVE = "TECHNICAL_DEEP_DIVE",
  NEGOTIATION = "NEGOTIATION",
  QBR = "QBR",
  ONBOARDING = "ONBOARDING",
  RENEWAL = "RENEWAL",
  OTHER = "OTHER",
}
registerEnumType(CallType, { name: "CallType", description: "Kind of sales conversation." });

/** Which of our products a call is about. */
export enum Product {
  PREFECT = "PREFECT",
  HORIZON = "HORIZON",
  BOTH = "BOTH",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(Product, {
  name: "Product",
  description: "Product discussed: PREFECT (open-source orchestrator), HORIZON (managed platform), BOTH or UNKNOWN.",
});

/** Which side of the conversation a participant is on. */
export enum Side {
  INTERNAL = "INTERNAL",
  EXTERNAL = "EXTERNAL",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(Side, {
  name: "Side",
  description: "INTERNAL = our company, EXTERNAL = customer or prospect, UNKNOWN = could not be decided.",
});

/** Where a call's data came from. */
export enum CallSource {
  GONG = "GONG",
  VTT = "VTT",
  DEMO = "DEMO",
}
registerEnumType(CallSource, {
  name: "CallSource",
  description: "GONG = Gong data (API, webhook or an imported Gong export), VTT = imported WebVTT captions, DEMO = bundled demo data.",
});

export const CALL_TYPES = Object.values(CallType);
export const PRODUCTS = Object.values(Product);
export const sqlIn = (values: string[]) => values.map((v) => `'${v}'`).join(", ");
