/**
 * Builders of Gong-shaped calls for tests: `{ call, transcript }` exactly as Gong's
 * /v2/calls/extensive and /v2/calls/transcript would return them.
 */
export interface PersonSpec {
  name: string;
  email: string;
  title?: string;
  userId?: string;
}

export interface CallSpec {
  gongId: string;
  title?: string;
  started?: string;
  reps: PersonSpec[];
  customers?: PersonSpec[];
  /** Number of alternating sentences (default 12). */
  sentences?: number;
  text?: (i: number) => string;
}

let seq = 1000;
const nextId = () => `55${String(++seq).padStart(17, "0")}`;

export function gongCall(spec: CallSpec): { call: Record<string, any>; transcript: Record<string, any> } {
  const customers = spec.customers ?? [{ name: "Casey Customer", email: "casey@buyer.example", title: "Head of Data" }];
  const parties = [
    ...spec.reps.map((r) => ({
      id: nextId(),
      emailAddress: r.email,
      name: r.name,
      title: r.title ?? "Account Executive",
      userId: r.userId ?? nextId(),
      speakerId: nextId(),
      affiliation: "Internal",
      methods: ["Attendee"],
    })),
    ...customers.map((c) => ({
      id: nextId(),
      emailAddress: c.email,
      name: c.name,
      title: c.title ?? null,
      speakerId: nextId(),
      affiliation: "External",
      methods: ["Attendee"],
    })),
  ];
  const n = spec.sentences ?? 12;
  const transcript = Array.from({ length: n }, (_, i) => {
    const p = parties[i % parties.length];
    return {
      speakerId: p.speakerId,
      topic: i < 2 ? "Introduction" : null,
      sentences: [{ start: i * 5000, end: i * 5000 + 4000, text: spec.text ? spec.text(i) : `Sentence ${i} from ${p.name}.` }],
    };
  });
  return {
    call: {
      metaData: {
        id: spec.gongId,
        url: `https://example.app.gong.io/call?id=${spec.gongId}`,
        title: spec.title ?? `Acme / Discovery ${spec.gongId}`,
        started: spec.started ?? "2026-11-02T10:00:00-08:00",
        duration: Math.ceil((n * 5000) / 1000),
        primaryUserId: (parties[0] as { userId?: string }).userId,
        direction: "Conference",
        scope: "External",
        language: "eng",
        unknownFutureField: { kept: true },
      },
      parties,
    },
    transcript: { callId: spec.gongId, transcript },
  };
}

export const IMPORT_CALL = /* GraphQL */ `
  mutation Import($input: ImportCallInput!) {
    importCall(input: $input) { id gongId title callType product primaryRep { id email role } }
  }
`;
