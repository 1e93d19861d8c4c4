/**
 * Synthetic Gong-shaped calls for the benchmarks: `{ call, transcript }` as Gong's
 * /v2/calls/extensive and /v2/calls/transcript return them. (Same idea as the test fixtures, kept
 * separate because bench code does not depend on test/.)
 */

export interface BenchPerson {
  name: string;
  email: string;
  title: string;
}

export interface GongPayload {
  call: Record<string, unknown>;
  transcript: Record<string, unknown>;
}

const FIRST = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Gray", "Harper", "Indy", "Jordan", "Kai", "Logan"];
const LAST = ["Stone", "Rivera", "Nguyen", "Okafor", "Schmidt", "Tanaka", "Moreau", "Silva", "Kowalski", "Haddad"];
const REP_TITLES = ["Account Executive", "Sales Engineer", "Customer Success Manager", "Senior Account Executive"];
const KINDS = ["Discovery", "Demo", "Pricing review", "Renewal", "Technical deep dive", "Kickoff"];
const LINES = [
  "Thanks for making the time today, I know the quarter is busy for your team.",
  "Could you walk me through how you handle call reviews right now?",
  "We record everything in Gong but nobody has time to listen back to the calls.",
  "What happens when a new rep joins, how long until they run a discovery call alone?",
  "Usually about six weeks, and the managers coach from memory rather than from evidence.",
  "That is exactly the gap we see with most teams of your size.",
  "How do you decide which calls a manager should review each week?",
  "Honestly it is whoever shouts loudest in the pipeline meeting.",
  "Let me show you how the scores roll up into a weekly review per rep.",
  "Pricing is the part I will need to take back to our finance lead.",
];

/** The pool of internal reps (shared across calls, so reps are upserted rather than multiplied). */
export function repPool(size: number): BenchPerson[] {
  return Array.from({ length: size }, (_, i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}${i}@callcoach-bench.example`.toLowerCase(),
      title: REP_TITLES[i % REP_TITLES.length],
    };
  });
}

const gongId = (n: number) => `77${String(n).padStart(17, "0")}`;

/**
 * Call number `n`: the given internal reps, `customers` external participants from one account,
 * `sentences` alternating one-sentence monologues, started `n` hours before a fixed date.
 */
export function benchCall(n: number, reps: BenchPerson[], opts: { customers?: number; sentences?: number } = {}): GongPayload {
  const account = `Account${String(n).padStart(4, "0")}`;
  const customers = Array.from({ length: opts.customers ?? 2 }, (_, j) => ({
    name: `${FIRST[(n + j + 5) % FIRST.length]} ${LAST[(n * 3 + j) % LAST.length]}`,
    email: `buyer${j}@${account.toLowerCase()}.example`,
    title: j === 0 ? "Head of Sales" : "Revenue Operations Lead",
  }));
  let id = n * 100;
  const hostUserId = `u-${reps[0].email}`;
  const nextId = () => `${n}${String(++id).padStart(12, "0")}`;
  const parties = [
    ...reps.map((r) => ({
      id: nextId(),
      emailAddress: r.email,
      name: r.name,
      title: r.title,
      userId: `u-${r.email}`,
      speakerId: nextId(),
      affiliation: "Internal",
      methods: ["Attendee"],
    })),
    ...customers.map((c) => ({
      id: nextId(),
      emailAddress: c.email,
      name: c.name,
      title: c.title,
      speakerId: nextId(),
      affiliation: "External",
      methods: ["Attendee"],
    })),
  ];
  const count = opts.sentences ?? 40;
  const transcript = Array.from({ length: count }, (_, i) => {
    const p = parties[i % parties.length];
    return {
      speakerId: p.speakerId,
      topic: i < 4 ? "Introduction" : i < count - 4 ? "Discovery" : "Next steps",
      sentences: [{ start: i * 6000, end: i * 6000 + 5200, text: `${LINES[(i + n) % LINES.length]} (${i})` }],
    };
  });
  const started = new Date(Date.UTC(2026, 10, 20, 17) - n * 3_600_000).toISOString();
  const kind = KINDS[n % KINDS.length];
  return {
    call: {
      metaData: {
        id: gongId(n),
        url: `https://example.app.gong.io/call?id=${gongId(n)}`,
        title: `${account} / ${kind}`,
        started,
        duration: Math.ceil((count * 6000) / 1000),
        primaryUserId: hostUserId,
        direction: "Conference",
        scope: "External",
        language: "eng",
      },
      parties,
    },
    transcript: { callId: gongId(n), transcript },
  };
}
