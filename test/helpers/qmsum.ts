/**
 * QMSum meetings (MIT licence; see test/fixtures/qmsum) as Gong-shaped calls, with synthetic
 * timings: 150 words per minute (400 ms a word) and 300 ms pauses between turns.
 */
import fs from "node:fs";
import path from "node:path";

interface QmsumTurn {
  speaker: string;
  content: string;
}

/** Turns a QMSum meeting into Gong's shapes; times derived at 150 words/min with 300 ms pauses. */
export function qmsumToGong(file: string, gongId: string, internalSpeaker: string) {
  const turns: QmsumTurn[] = JSON.parse(
    fs.readFileSync(path.join(__dirname, "../fixtures/qmsum", file), "utf8"),
  ).meeting_transcripts;
  const speakers = [...new Set(turns.map((t) => t.speaker))];
  const parties = speakers.map((name, i) => ({
    id: `${gongId.slice(0, 15)}${String(i).padStart(4, "0")}`,
    name,
    speakerId: `${gongId.slice(0, 14)}9${String(i).padStart(4, "0")}`,
    affiliation: name === internalSpeaker ? "Internal" : "External",
    ...(name === internalSpeaker ? { emailAddress: "pm@prefect.example", title: "Account Executive" } : {}),
  }));
  const idOf = new Map(parties.map((p) => [p.name, p.speakerId]));
  let t = 0;
  const transcript = turns
    .filter((turn) => turn.content.trim())
    .map((turn) => {
      const words = turn.content.trim().split(/\s+/).length;
      const start = t;
      const end = start + words * 400;
      t = end + 300;
      return { speakerId: idOf.get(turn.speaker)!, topic: null, sentences: [{ start, end, text: turn.content }] };
    });
  return {
    turns: transcript,
    input: {
      call: {
        metaData: { id: gongId, title: `QMSum ${file}`, started: "2026-11-04T09:00:00-08:00", duration: Math.ceil(t / 1000) },
        parties,
      },
      transcript: { callId: gongId, transcript },
    },
  };
}
