/**
 * The model behind the fake Messages API in section 7: a well-behaved model that answers every
 * task with valid JSON. Dimension tasks (first user message contains "(key: <key>)") get a
 * dimension_result, anything else the call review (with an objection ledger). Every quote is a
 * real transcript line taken from the request's system prompt — of the scored person, or of the
 * customer for objections — so grounding keeps it and the analysis completes. Imports nothing
 * from src/, so the fake's worker thread stays light.
 */
import type { AnswerRequest, ScriptedAnswer } from "../test/support/fake-anthropic";

const TASK_KEY = /\(key: ([a-z_]+)\)/;
const LINE = /^\[([\d:]+)\] (.+?) \((our side|customer|side unknown)\): (.+)$/gm;

interface Line {
  ts: string;
  speaker: string;
  side: string;
  text: string;
}

let memo: { system: string; lines: Line[]; scored: string | null } | null = null;

/** Transcript lines and the scored person of a request's system prompt (memoised: every request of a run shares it). */
function parseSystem(system: string): { lines: Line[]; scored: string | null } {
  if (memo?.system !== system) {
    const lines = [...system.matchAll(LINE)].map((m) => ({ ts: m[1], speaker: m[2], side: m[3], text: m[4] }));
    memo = { system, lines, scored: /Scored person: (.+?), role /.exec(system)?.[1] ?? null };
  }
  return memo;
}

/** The task of a request is its first user message (a corrective retry appends more). */
function taskOf(req: AnswerRequest): string {
  const first = req.body?.messages?.[0]?.content;
  return typeof first === "string" ? first : req.user;
}

/** The answer to one request (see the file comment). */
export function benchAnswer(req: AnswerRequest): ScriptedAnswer {
  const { lines, scored } = parseSystem(req.system);
  const ours = lines.filter((l) => l.side === "our side" && (scored === null || l.speaker === scored));
  const theirs = lines.filter((l) => l.side === "customer");
  const at = (list: Line[], share: number): Line => list[Math.floor(share * (list.length - 1))] ?? lines[0];
  const quote = (l: Line) => ({ quote: l.text, speaker: l.speaker, timestamp: l.ts });
  const key = TASK_KEY.exec(taskOf(req))?.[1];
  if (key) {
    return {
      json: {
        dimension_result: {
          score: 55 + (key.length * 7) % 40,
          rationale: `Clear ${key.replace(/_/g, " ")} in the first half; it faded once the demo started.`,
          strengths: ["Asked about the current setup before pitching.", "Tied the answer to the customer's own numbers."],
          improvements: ["Confirm the cost of a failed run in dollars.", "Summarise the agreed next step before the call ends."],
          evidence: [quote(at(ours, 0.2)), quote(at(ours, 0.6))],
        },
        call_review: null,
      },
    };
  }
  return {
    json: {
      dimension_result: null,
      call_review: {
        summary: "A solid discovery with a concrete next step. Pricing was raised and not fully answered.",
        key_moments: [0.1, 0.4, 0.8].map((s) => ({ timestamp: at(ours, s).ts, text: `Moment around ${at(ours, s).ts}.` })),
        actions: [{ text: "Put a number on the cost of a failed night before the pricing call.", timestamp: at(ours, 0.5).ts }],
        objections: [
          { type: "PRICING", ...quote(at(theirs, 0.5)), response: "Offered to start on open source.", resolved: "UNCLEAR" },
          { type: "TIMING", ...quote(at(theirs, 0.9)), response: "Proposed a pilot next month.", resolved: "YES" },
        ].map(({ speaker: _s, ...o }) => o),
      },
    },
  };
}
