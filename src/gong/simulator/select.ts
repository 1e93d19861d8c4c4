/**
 * Projection of a dataset call to what POST /v2/calls/extensive returns for a `contentSelector`:
 * `metaData` always; every other block only when selected (and only the selected fields inside
 * it); `context` only for Basic or Extended. Blocks a call does not have (e.g. analysis of a call
 * Gong has not processed, or the demo calls' sparse content) stay absent.
 */
import type { SimCall } from "./generate-call";
import type { Selection } from "./requests";

type Json = Record<string, unknown>;

const clone = <T>(v: T): T => structuredClone(v);

function pick(block: unknown, fields: Set<string>, rename: Record<string, string> = {}): Json | undefined {
  if (typeof block !== "object" || block === null) return undefined;
  const src = block as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(src)) {
    const flag = Object.entries(rename).find(([, k]) => k === key)?.[0] ?? key;
    if (fields.has(flag)) out[key] = clone(value);
  }
  return out;
}

function contextBlock(sim: SimCall, sel: Selection): unknown[] {
  const ctx = (sim.call.context as { system: string; objects: Json[] }[] | undefined) ?? [];
  return ctx.map((c) => ({
    system: c.system,
    objects: c.objects.flatMap((o) => {
      if (sel.context === "Basic") return [{ objectType: o.objectType, objectId: o.objectId }];
      return sel.contextTiming.map((timing) => {
        const fields = (clone(o.fields) as { name: string; value: unknown }[] | undefined) ?? [];
        if (timing === "TimeOfCall" && sim.stageAtCall) {
          for (const f of fields) if (f.name === "StageName") f.value = sim.stageAtCall;
        }
        return { objectType: o.objectType, objectId: o.objectId, timing, fields };
      });
    }),
  }));
}

export function projectCall(sim: SimCall, sel: Selection): Json {
  const call = sim.call;
  const out: Json = { metaData: clone(call.metaData) };
  if (sel.context !== "None") out.context = contextBlock(sim, sel);
  if (sel.parties && Array.isArray(call.parties)) out.parties = clone(call.parties);
  if (sel.content.size) {
    const content = pick(call.content, sel.content);
    if (content) {
      // Occurrences come only with trackerOccurrences (which needs trackers).
      if (Array.isArray(content.trackers) && !sel.content.has("trackerOccurrences")) {
        content.trackers = (content.trackers as Json[]).map((t) => {
          const { occurrences: _o, ...rest } = t;
          if (Array.isArray(rest.phrases)) rest.phrases = (rest.phrases as Json[]).map(({ occurrences: _p, ...p }) => p);
          return rest;
        });
      }
      out.content = content;
    }
  }
  if (sel.interaction.size) {
    const interaction = pick(call.interaction, sel.interaction, { personInteractionStats: "interactionStats" });
    if (interaction) out.interaction = interaction;
  }
  if (sel.collaboration.size) {
    const collaboration = pick(call.collaboration, sel.collaboration);
    if (collaboration) out.collaboration = collaboration;
  }
  if (sel.media && call.media) out.media = clone(call.media);
  return out;
}
