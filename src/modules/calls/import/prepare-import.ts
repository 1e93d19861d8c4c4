/**
 * The checks and shaping of an import before anything is written: participants (with their side)
 * and transcript segments, refusing a transcript that names a speaker no participant has, a
 * sentence that ends before it starts, or a transcript without sentences. Pure, so a CLI run can
 * check every file before writing the first call.
 */
import { Side } from "../call.enums";
import { InvalidTranscriptError } from "../call.errors";
import type { CallImport, GongParty } from "./gong-shapes";

export interface PreparedParticipant {
  partyKey: string;
  speakerId: string | null;
  name: string;
  email: string | null;
  title: string | null;
  side: Side;
  gongUserId: string | null;
}

export function sideOf(party: GongParty, internalDomains: string[]): Side {
  const domain = party.emailAddress?.split("@")[1]?.toLowerCase();
  if (party.affiliation === "Internal") return Side.INTERNAL;
  if (party.affiliation === "External") return Side.EXTERNAL;
  if (domain && internalDomains.some((d) => domain === d || domain.endsWith(`.${d}`))) return Side.INTERNAL;
  if (domain) return Side.EXTERNAL;
  return Side.UNKNOWN;
}

export function prepareParticipants(imp: CallImport, internalDomains: string[]): PreparedParticipant[] {
  const parties = imp.call.parties ?? [];
  const seen = new Set<string>();
  const out: PreparedParticipant[] = [];
  for (const party of parties) {
    const partyKey = party.id ?? party.speakerId ?? party.emailAddress?.toLowerCase() ?? party.name?.trim().toLowerCase();
    if (!partyKey || seen.has(partyKey)) continue;
    seen.add(partyKey);
    out.push({
      partyKey,
      speakerId: party.speakerId ?? null,
      name: party.name?.trim() || party.emailAddress || "Unknown participant",
      email: party.emailAddress?.trim().toLowerCase() || null,
      title: party.title ?? null,
      side: sideOf(party, internalDomains),
      gongUserId: party.userId ?? null,
    });
  }
  // Imported calls may come without parties: then each speaker becomes an anonymous participant.
  if (parties.length === 0) {
    const speakers = [...new Set(imp.transcript.transcript.map((m) => m.speakerId).filter((s): s is string => !!s))];
    speakers.forEach((speakerId, i) =>
      out.push({
        partyKey: speakerId,
        speakerId,
        name: `Speaker ${i + 1}`,
        email: null,
        title: null,
        side: Side.UNKNOWN,
        gongUserId: null,
      }),
    );
  }
  return out;
}

export function prepareSegments(imp: CallImport, bySpeaker: Map<string, PreparedParticipant>) {
  const segments: {
    speakerId: string | null;
    speakerName: string | null;
    startMs: number;
    endMs: number;
    text: string;
    topic: string | null;
  }[] = [];
  const unknown = new Set<string>();
  for (const mono of imp.transcript.transcript) {
    const speakerId = mono.speakerId ?? null;
    const participant = speakerId ? bySpeaker.get(speakerId) : undefined;
    if (speakerId && !participant) unknown.add(speakerId);
    for (const s of mono.sentences) {
      const text = s.text.trim();
      if (!text) continue;
      if (s.end < s.start) {
        throw new InvalidTranscriptError(`A sentence ends (${s.end} ms) before it starts (${s.start} ms): "${text.slice(0, 60)}".`);
      }
      segments.push({
        speakerId,
        speakerName: participant?.name ?? null,
        startMs: s.start,
        endMs: s.end,
        text,
        topic: mono.topic ?? null,
      });
    }
  }
  if (unknown.size > 0) {
    throw new InvalidTranscriptError(
      `The transcript refers to speaker id${unknown.size > 1 ? "s" : ""} ${[...unknown].join(", ")} that no participant of the call has.`,
      { reasonDetail: "UNKNOWN_SPEAKER", speakerIds: [...unknown] },
    );
  }
  if (segments.length === 0) throw new InvalidTranscriptError("The transcript has no sentences.");
  segments.sort((a, b) => a.startMs - b.startMs);
  return segments;
}

/** Checks an import without writing (the checks `importCall` makes); throws the same errors. */
export function validateImport(imp: CallImport, internalDomains: string[]): void {
  const participants = prepareParticipants(imp, internalDomains);
  prepareSegments(imp, new Map(participants.filter((p) => p.speakerId).map((p) => [p.speakerId!, p])));
}
