/**
 * First guesses of a call's type and product from its title and words, used at import. They are
 * deterministic keyword rules; admins can override them later.
 */
import { CallType, Product } from "./call.enums";

const TYPE_RULES: [CallType, RegExp][] = [
  [CallType.QBR, /\b(qbr|quarterly business review|business review)\b/i],
  [CallType.RENEWAL, /\b(renewal|renew)\b/i],
  [CallType.NEGOTIATION, /\b(negotiation|contract|pricing review|commercials?|redlines?|procurement)\b/i],
  [CallType.ONBOARDING, /\b(onboarding|kick-?off|implementation)\b/i],
  [CallType.TECHNICAL_DEEP_DIVE, /\b(deep[- ]dive|technical|architecture|poc|proof of concept|workshop)\b/i],
  [CallType.DEMO, /\b(demo|demonstration|walkthrough|walk-through)\b/i],
  [CallType.DISCOVERY, /\b(discovery|intro|introduction|first call|initial call)\b/i],
];

/**
 * Guesses the call type from the title, else from Gong's topic and tracker names and brief (the
 * transcript itself is too noisy for this).
 */
export function classifyCallType(title: string, gongHints: string[] = []): CallType {
  const bare = title.replace(/^\s*\[demo\]\s*/i, ""); // the demo-data marker is not a call type
  for (const [type, re] of TYPE_RULES) if (re.test(bare)) return type;
  const hints = gongHints.join("\n");
  for (const [type, re] of TYPE_RULES) if (re.test(hints)) return type;
  return CallType.OTHER;
}

/** Topic and tracker names and the brief of a Gong call's `content` block. */
export function gongContentHints(content: unknown): string[] {
  const c = (content ?? {}) as { topics?: { name?: unknown }[]; trackers?: { name?: unknown }[]; brief?: unknown };
  const names = [...(c.topics ?? []), ...(c.trackers ?? [])].map((x) => x?.name).filter((n): n is string => typeof n === "string");
  return typeof c.brief === "string" ? [...names, c.brief] : names;
}

/** Guesses the product from how often each is named in the title and transcript. */
export function classifyProduct(title: string, transcriptText: string): Product {
  const text = `${title}\n${transcriptText}`;
  const horizon = (text.match(/\bhorizon\b/gi) ?? []).length;
  const prefect = (text.match(/\bprefect\b/gi) ?? []).length;
  if (horizon === 0 && prefect === 0) return Product.UNKNOWN;
  // Horizon calls talk about Prefect flows too; BOTH only when self-hosting is also discussed.
  const selfHosted = (text.match(/\b(open[- ]source|self[- ]host(ed|ing)?|oss)\b/gi) ?? []).length;
  if (horizon > 0 && selfHosted >= 2) return Product.BOTH;
  if (horizon > 0) return Product.HORIZON;
  return Product.PREFECT;
}
