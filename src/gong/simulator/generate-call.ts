/**
 * Generates one realistic Gong call (an extensive call object with every block, plus its transcript)
 * from a PRNG: a sales conversation about Prefect/Horizon between our reps and a customer's data team,
 * with transcript times in integer ms and every analysis block (speakers, stats, topics, trackers …)
 * computed from that transcript, so the blocks agree with each other.
 */
import { Prng } from "./prng";
import {
  BACKCHANNEL, CALL_KINDS, CHAMPION_TITLES, CLOUDS, COACHING_COMMENTS, COMPANIES, COMPETITORS, CUSTOMER_CLAIMS,
  CUSTOMER_FIRST, CUSTOMER_LAST, CUSTOMER_LED, CUSTOMER_OPENERS, CUSTOMER_PRODUCT, CUSTOMER_TAILS, FILLERS, LOWERCASABLE,
  MONTHS, OTHER_TITLES, PRESENTER_LED, REP_INSIGHTS, REP_PROBES, REP_REFLECTIONS, SE_GENERIC, SMALL_TALK, TOPIC_LINES, TRACKERS,
  UNATTRIBUTED, VOCAB, WAREHOUSES, WEEKDAYS, type CallKind, type Company,
} from "./phrases";
import { REFERENCE_MS, formatLocal, localDay, parseIsoWithOffset, wallToUtc } from "./time";
import { userEmail, userName, type SimUser } from "./users";

export type Json = Record<string, unknown>;

/** A call of the dataset: the full extensive object (every block) and its transcript, if processed. */
export interface SimCall {
  call: Json & { metaData: Json };
  transcript?: { callId: string; transcript: Monologue[] };
  /** CRM opportunity stage at the time of the call (context timing "TimeOfCall"); "Now" is in the call. */
  stageAtCall?: string;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}
export interface Monologue {
  speakerId: string | null;
  topic: string | null;
  sentences: Sentence[];
}

/** Workspace of generated calls (demo calls carry none and count as this one). */
export const DEFAULT_WORKSPACE_ID = "6300000000000000001";
/** Web-app host of call links (the demo calls use the same tenant). */
export const TENANT_APP_URL = "https://demo.app.gong.io";

export interface GenerateOptions {
  /** ISO start with offset (used verbatim for `started` and `scheduled`). */
  started?: string;
  durationSec?: number;
  /** Forces a call of at least 85 minutes (the long-call case). */
  long?: boolean;
  /** Forces at least one monologue with a null speakerId. */
  unattributed?: boolean;
}

interface Person {
  partyId: string;
  speakerId: string;
  name: string;
  first: string;
  title: string;
  email: string;
  userId?: string;
  internal: boolean;
  role: "AE" | "SE" | "CSM" | "MANAGER" | "VP" | "CUSTOMER";
  methods: string[];
  timeZone?: string;
  phoneNumber?: string;
  silent?: boolean;
}

/** Per-call facts filled into the templates, so one call tells one consistent story. */
type Slots = Record<string, string>;

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Draws templates without replacement (reshuffling when a pool runs out), so long calls repeat late. */
class Deck {
  private piles = new Map<string, string[]>();
  constructor(private rng: Prng) {}
  draw(key: string, pool: readonly string[]): string {
    let pile = this.piles.get(key);
    if (!pile || pile.length === 0) {
      pile = this.rng.shuffle(pool);
      this.piles.set(key, pile);
    }
    return pile.pop()!;
  }
  /** Like draw, but each line once per call: undefined when the pool is used up. */
  drawOnce(key: string, pool: readonly string[]): string | undefined {
    let pile = this.piles.get(`once:${key}`);
    if (!pile) {
      pile = this.rng.shuffle(pool);
      this.piles.set(`once:${key}`, pile);
    }
    return pile.pop();
  }
}

/** Opening and closing topics are short whatever the call's length. */
const LIGHT_TOPIC_CAP_MS: Record<string, number> = { Introduction: 150_000, "Next Steps": 150_000 };

export class CallGenerator {
  constructor(
    private readonly users: SimUser[],
    /** Ids already used (calls, parties), so generated ids never collide. */
    private readonly usedIds: Set<string>,
  ) {}

  private id(rng: Prng, length = 19): string {
    for (;;) {
      const id = rng.digits(length);
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  generate(rng: Prng, opts: GenerateOptions = {}): SimCall {
    const kind: CallKind = opts.long
      ? CALL_KINDS.find((k) => k.name === "Migration Workshop")!
      : rng.weighted(CALL_KINDS.filter((k) => k.name !== "Migration Workshop").map((k) => [k, k.name === "Quick Sync" ? 1.5 : 1] as const));
    const company = rng.pick(COMPANIES);
    const callId = this.id(rng);

    // --- people ---------------------------------------------------------------------------------
    const hostRole = rng.pick(kind.hostRoles);
    const host = rng.pick(this.users.filter((u) => u.role === hostRole));
    const internals: SimUser[] = [host];
    if (hostRole !== "SE" && rng.chance(kind.seChance)) internals.push(rng.pick(this.users.filter((u) => u.role === "SE")));
    if (hostRole === "SE" && rng.chance(0.7)) internals.push(rng.pick(this.users.filter((u) => u.role === "AE")));
    if (kind.name === "Pricing and Negotiation" && rng.chance(0.35) && host.managerId) internals.push(this.users.find((u) => u.id === host.managerId)!);
    const phone = kind.name === "Quick Sync" && rng.chance(0.5);
    const maxExternal = phone ? 1 : Math.min(4, 6 - internals.length);
    const externalCount = Math.min(maxExternal, rng.weighted([[1, 3], [2, 4], [3, 2], [4, 1]] as const));

    const people: Person[] = internals.map((u) => ({
      partyId: this.id(rng),
      speakerId: u.speakerId,
      name: userName(u),
      first: u.firstName,
      title: u.title,
      email: userEmail(u),
      userId: u.id,
      internal: true,
      role: u.role === "AVATAR" ? "AE" : u.role,
      methods: ["Invitee", "Attendee"],
      timeZone: u.timeZone,
    }));
    const firsts = rng.sample(CUSTOMER_FIRST, externalCount);
    const lasts = rng.sample(CUSTOMER_LAST, externalCount);
    const titles = [rng.pick(CHAMPION_TITLES), ...rng.sample(OTHER_TITLES, externalCount - 1)];
    for (let i = 0; i < externalCount; i++) {
      const silent = i > 0 && rng.chance(0.15);
      people.push({
        partyId: this.id(rng),
        speakerId: this.id(rng),
        name: `${firsts[i]} ${lasts[i]}`,
        first: firsts[i],
        title: titles[i],
        email: `${firsts[i]}.${lasts[i]}@${company.domain}`.toLowerCase(),
        internal: false,
        role: "CUSTOMER",
        methods: silent ? ["Invitee"] : i === 0 && rng.chance(0.2) ? ["Attendee"] : ["Invitee", "Attendee"],
        phoneNumber: phone ? `+1 ${rng.int(201, 989)}-555-0${rng.int(100, 199)}` : undefined,
        silent,
      });
    }
    const externals = people.filter((p) => !p.internal);
    const hostPerson = people[0];
    const se = people.find((p) => p.role === "SE");
    const presenter = se ?? hostPerson;
    const lead = people.find((p) => p.internal && p.role !== "SE" && p.role !== "MANAGER") ?? hostPerson;

    // --- time ---------------------------------------------------------------------------------------
    // 5 to 90 minutes; the long case at least 85.
    const minutes = opts.long ? rng.int(85, 89) : rng.int(kind.minMinutes, kind.maxMinutes);
    const generatedDuration = Math.min(90 * 60, Math.max(5 * 60, minutes * 60 + (opts.long ? rng.int(0, 59) : rng.int(-50, 50))));
    const duration = opts.durationSec !== undefined ? Math.max(1, Math.round(opts.durationSec)) : generatedDuration;
    const timeZone = host.timeZone;
    let scheduled: string;
    let started: string;
    let startedMs: number;
    if (opts.started !== undefined) {
      const ms = parseIsoWithOffset(opts.started);
      if (ms === undefined) throw new Error(`addCall: started must be ISO-8601 with an offset, got ${opts.started}`);
      started = opts.started;
      scheduled = opts.started.replace(/\.\d+(?=Z|[+-]\d{2}:\d{2}$)/, "");
      startedMs = ms;
    } else {
      const daysBack = rng.int(1, 57);
      const day = localDay(REFERENCE_MS - daysBack * 86_400_000, timeZone);
      const weekday = day.weekday;
      let dayMs = day.dayMs;
      if (weekday === 6) dayMs -= 86_400_000;
      if (weekday === 0) dayMs -= 2 * 86_400_000;
      const latestStartHour = Math.max(8, 17 - Math.ceil(duration / 3600));
      const hour = rng.int(8, latestStartHour);
      const minute = rng.pick([0, 0, 0, 30, 30, 15, 45]);
      const scheduledMs = wallToUtc(dayMs, hour, minute, timeZone);
      const lateness = rng.weighted([[rng.int(0, 59), 3], [rng.int(60, 240), 4], [rng.int(241, 420), 1]] as const);
      startedMs = scheduledMs + lateness * 1000;
      scheduled = formatLocal(scheduledMs, timeZone);
      started = formatLocal(startedMs, timeZone, rng.int(0, 999_999));
    }

    // --- slots --------------------------------------------------------------------------------------
    const seats = rng.pick([10, 15, 20, 25, 30, 40, 50]);
    const slots: Slots = {
      company: company.name,
      customer: externals[0].first,
      rep: lead.first,
      se: se?.first ?? "",
      minutes: String(Math.max(15, Math.round(duration / 60 / 15) * 15)),
      team: rng.pick(["four", "five", "six", "eight", "ten", "twelve"]),
      report: company.report,
      data: company.data,
      warehouse: rng.pick(WAREHOUSES),
      competitor: rng.pick(COMPETITORS),
      cloud: rng.pick(CLOUDS),
      jobs: String(rng.pick([120, 180, 250, 300, 400, 600, 900])),
      flows: rng.pick(["twenty", "thirty", "forty", "fifty"]),
      incident: rng.pick(["thirty thousand", "forty thousand", "sixty thousand", "a hundred thousand"]),
      month: rng.pick(MONTHS),
      weekday: rng.pick(WEEKDAYS),
      seats: String(seats),
      active: String(Math.max(1, seats - rng.int(1, 9))),
      discount: rng.pick(["fifteen", "twenty", "twenty-five", "thirty"]),
      pct: rng.pick(["thirty", "forty", "fifty", "sixty"]),
      industry: company.industry.toLowerCase(),
      runs: rng.pick(["180,000", "250,000", "410,000", "600,000"]),
    };

    const monologues = this.transcript(rng, kind, people, { host: hostPerson, presenter, lead, se }, slots, duration * 1000, opts.unattributed ?? false);

    // --- analysis (all computed from the transcript) ------------------------------------------------------
    const call = this.assemble(rng, {
      callId, kind, company, people, host, hostPerson, started, scheduled, startedMs, duration, phone, monologues, slots,
    });
    return { call, transcript: { callId, transcript: monologues }, stageAtCall: kind.stageAtCall };
  }

  /**
   * The conversation: small talk, then each topic segment in turn until its planned share of the call
   * is used. Topic lines come from per-call decks (each used once); when a topic's deck runs dry the
   * speakers continue with generic lines whose vocabulary is drawn afresh at every use.
   */
  private transcript(
    rng: Prng,
    kind: CallKind,
    people: Person[],
    cast: { host: Person; presenter: Person; lead: Person; se?: Person },
    slots: Slots,
    durationMs: number,
    forceUnattributed: boolean,
  ): Monologue[] {
    const deck = new Deck(rng);
    const out: Monologue[] = [];
    const speakingExternals = people.filter((p) => !p.internal && !p.silent);
    const endLimit = Math.max(0, durationMs - rng.int(1500, Math.min(8000, Math.max(1600, durationMs / 20))));
    let t = Math.min(rng.int(1200, 6000), Math.floor(durationMs / 10));
    let done = false;
    let lastSpeaker: Person | null = null;
    const unattributedAt = forceUnattributed || rng.chance(0.6) ? rng.float(0.15, 0.85) * durationMs : Infinity;
    let unattributedDone = false;

    const expand = (template: string): string => {
      let text = template;
      for (let i = 0; i < 3 && text.includes("{"); i++) {
        text = text.replace(/\{(\w+)\}/g, (whole, k: string) => slots[k] ?? (VOCAB[k] ? rng.pick(VOCAB[k]) : whole));
      }
      return text;
    };
    const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    const withFiller = (text: string, speaker: Person | null): string => {
      const first = text.split(/[\s,]/)[0];
      if (LOWERCASABLE.has(first) && rng.chance(speaker?.internal ? 0.08 : 0.18)) return rng.pick(FILLERS) + text[0].toLowerCase() + text.slice(1);
      return text;
    };

    const say = (speaker: Person | null, topic: string | null, texts: (string | undefined)[], pauseMs?: number) => {
      const lines = texts.filter((x): x is string => !!x);
      if (done || lines.length === 0) return;
      const gap = pauseMs ?? (speaker === lastSpeaker ? rng.int(150, 600) : rng.int(250, 1500));
      let start = t + (out.length ? gap : 0);
      const sentences: Sentence[] = [];
      for (const text of lines) {
        const words = text.split(/\s+/).length;
        const length = words * rng.int(300, 430) + rng.int(150, 500);
        if (start + length > endLimit) {
          done = true;
          break;
        }
        sentences.push({ start, end: start + length, text });
        t = start + length;
        start = t + rng.int(60, 450);
      }
      if (sentences.length) {
        const prev = out[out.length - 1];
        // Consecutive speech of one speaker under one topic is one monologue.
        if (prev && prev.speakerId === (speaker?.speakerId ?? null) && prev.topic === topic) prev.sentences.push(...sentences);
        else out.push({ speakerId: speaker ? speaker.speakerId : null, topic, sentences });
        lastSpeaker = speaker;
      }
      if (!unattributedDone && t >= unattributedAt && !done) {
        unattributedDone = true;
        say(null, null, [rng.pick(UNATTRIBUTED)]);
        if (rng.chance(0.5)) say(speaker ?? cast.host, null, [rng.pick(["No worries.", "Yes, we can see it.", "All good, go ahead.", "Sorry about that."])]);
      }
    };

    /** The next unused topic line for a role (undefined when the call has used them all). */
    const topicLine = (topic: string, role: "rep" | "se" | "customer", speaker: Person): string | undefined => {
      const tl = TOPIC_LINES[topic];
      const own = role === "se" ? (tl.se ?? tl.rep) : role === "rep" ? tl.rep : tl.customer;
      // "{se}" in an SE's own lines is the speaker's name; in anyone else's it names an SE colleague on the call.
      const ok = (line: string) =>
        !line.includes("{se}") || (speaker === cast.se ? role === "se" && (tl.se ?? []).includes(line) : cast.se !== undefined && cast.se !== speaker);
      const line = deck.drawOnce(`${topic}/${role}/${speaker === cast.se}`, own.filter(ok));
      return line === undefined ? undefined : withFiller(expand(line), speaker);
    };
    const claim = () => {
      const opener = rng.pick(CUSTOMER_OPENERS);
      const body = expand(deck.draw("claims", CUSTOMER_CLAIMS));
      const tail = rng.pick(CUSTOMER_TAILS);
      return (opener ? opener + body : capitalize(body)) + (body.includes(",") ? "." : tail);
    };
    const probe = () => expand(deck.draw("probes", REP_PROBES));
    const reflection = () => (rng.chance(0.45) ? expand(deck.draw("reflections", REP_REFLECTIONS)) : undefined);
    const insight = () => (rng.chance(0.3) ? expand(deck.draw("insights", REP_INSIGHTS)) : undefined);
    const seLine = () => expand(deck.draw("se", SE_GENERIC));
    const productLine = () => expand(deck.draw("product", CUSTOMER_PRODUCT));
    const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

    const customer = () => (speakingExternals.length ? rng.weighted(speakingExternals.map((p, i) => [p, i === 0 ? 3 : 1] as const)) : cast.host);
    const backchannel = (speaker: Person) => {
      if (rng.chance(0.2)) say(speaker, null, [rng.pick(BACKCHANNEL)]);
    };

    // Small talk (no topic).
    const smallTalk = durationMs > 8 * 60_000 ? rng.int(1, 3) : 1;
    for (let i = 0; i < smallTalk && !done; i++) {
      say(cast.lead, null, [expand(deck.draw("small/rep", SMALL_TALK.rep))]);
      say(customer(), null, [expand(deck.draw("small/customer", SMALL_TALK.customer))]);
    }

    // Planned segment lengths: the opening and closing topics are capped, the rest share what is left.
    const total = kind.segments.reduce((sum, [, w]) => sum + w, 0);
    const planned = kind.segments.map(([topic, w]) => {
      const share = (w / total) * endLimit;
      return LIGHT_TOPIC_CAP_MS[topic] !== undefined ? Math.min(share, LIGHT_TOPIC_CAP_MS[topic]) : share;
    });
    const spare = endLimit - planned.reduce((a, b) => a + b, 0);
    const heavyWeight = kind.segments.reduce((sum, [topic, w]) => sum + (LIGHT_TOPIC_CAP_MS[topic] === undefined ? w : 0), 0);
    if (heavyWeight > 0) kind.segments.forEach(([topic, w], i) => LIGHT_TOPIC_CAP_MS[topic] === undefined && (planned[i] += (spare * w) / heavyWeight));

    let boundary = 0;
    for (let si = 0; si < kind.segments.length && !done; si++) {
      const [topic] = kind.segments[si];
      boundary += planned[si];
      const segmentEnd = si === kind.segments.length - 1 ? endLimit : boundary;
      const light = LIGHT_TOPIC_CAP_MS[topic] !== undefined;
      let first = true;
      while (!done && t < segmentEnd) {
        const buyer = customer();
        if (CUSTOMER_LED.has(topic)) {
          say(cast.lead, topic, [reflection(), insight(), topicLine(topic, "rep", cast.lead) ?? probe()]);
          const n = rng.int(1, 4);
          say(buyer, topic, [topicLine(topic, "customer", buyer) ?? claim(), ...times(n - 1, () => (rng.chance(0.3) ? topicLine(topic, "customer", buyer) : undefined) ?? claim())], rng.int(400, 2200));
          backchannel(cast.lead);
        } else if (PRESENTER_LED.has(topic)) {
          if (first && cast.presenter !== cast.lead) say(cast.lead, topic, [topicLine(topic, "rep", cast.lead)]);
          const n = rng.chance(0.12) ? rng.int(9, 14) : rng.int(3, 7);
          say(cast.presenter, topic, times(n, () => (rng.chance(0.6) ? topicLine(topic, "se", cast.presenter) : undefined) ?? seLine()));
          backchannel(buyer);
          say(buyer, topic, times(rng.int(1, 2), () => (rng.chance(0.5) ? topicLine(topic, "customer", buyer) : undefined) ?? productLine()), rng.int(400, 1800));
        } else {
          const repLines = times(rng.int(2, 4), () => topicLine(topic, "rep", cast.lead)).filter(Boolean);
          if (light && repLines.length === 0) break; // nothing left to say on an opening or closing topic
          say(cast.lead, topic, repLines.length ? repLines : [reflection(), probe()]);
          say(buyer, topic, times(rng.int(1, 3), () => topicLine(topic, "customer", buyer) ?? (light ? undefined : claim())), rng.int(400, 2000));
          if (cast.se && cast.se !== cast.lead && TOPIC_LINES[topic].se && rng.chance(0.3)) say(cast.se, topic, [topicLine(topic, "se", cast.se)]);
        }
        first = false;
      }
    }
    if (forceUnattributed && !unattributedDone && out.length > 1) {
      // The call ended before the planned moment: an attribute-less line squeezed in before the last monologue.
      const last = out[out.length - 1];
      const prevEnd = out[out.length - 2].sentences.at(-1)!.end;
      const gapStart = prevEnd + 50;
      const gapEnd = last.sentences[0].start - 50;
      if (gapEnd - gapStart >= 400) out.splice(out.length - 1, 0, { speakerId: null, topic: null, sentences: [{ start: gapStart, end: gapEnd, text: "Sorry, go ahead." }] });
      else last.speakerId = null;
    }
    return out;
  }

  private assemble(
    rng: Prng,
    c: {
      callId: string; kind: CallKind; company: Company; people: Person[]; host: SimUser; hostPerson: Person; started: string;
      scheduled: string; startedMs: number; duration: number; phone: boolean; monologues: Monologue[]; slots: Slots;
    },
  ): SimCall["call"] {
    const { callId, kind, company, people, monologues, duration } = c;
    const bySpeaker = new Map(people.map((p) => [p.speakerId, p]));
    const system = c.phone ? "Aircall" : rng.weighted([["Zoom", 6], ["Google Meet", 2], ["Microsoft Teams", 2]] as const);
    const media = c.phone ? "Audio" : rng.chance(0.92) ? "Video" : "Audio";
    const meetingId = rng.digits(11);
    const meetingUrl =
      system === "Zoom" ? `https://zoom.example/j/${meetingId}` : system === "Google Meet" ? `https://meet.example/${meetingId.slice(0, 3)}-${meetingId.slice(3, 7)}-${meetingId.slice(7, 10)}` : `https://teams.example/l/meetup-join/${meetingId}`;

    const metaData: Json = {
      id: callId,
      url: `${TENANT_APP_URL}/call?id=${callId}`,
      title: `${company.name} / ${kind.name}`,
      scheduled: c.scheduled,
      started: c.started,
      duration,
      primaryUserId: c.host.id,
      direction: c.phone ? "Outbound" : "Conference",
      system,
      scope: "External",
      media,
      language: "eng",
      workspaceId: DEFAULT_WORKSPACE_ID,
      ...(c.phone ? {} : { meetingUrl }),
      isPrivate: false,
      ...(c.phone ? {} : { calendarEventId: `evt-${rng.digits(12)}@prefect-demo.example` }),
      clientUniqueId: c.phone ? `AC${rng.digits(16)}` : meetingId,
    };

    // CRM context (Salesforce opportunity and account; Extended adds the fields).
    const amount = Number(c.slots.seats) * rng.pick([1800, 2000, 2400, 3000]);
    const closeDate = new Date(REFERENCE_MS + rng.int(20, 120) * 86_400_000).toISOString().slice(0, 10);
    const oppId = `006${alnum(rng, 15)}`;
    const accountId = `001${alnum(rng, 15)}`;
    const context = [
      {
        system: "Salesforce",
        objects: [
          { objectType: "Opportunity", objectId: oppId, timing: "Now", fields: [{ name: "Name", value: `${company.name} - Horizon` }, { name: "StageName", value: kind.stage }, { name: "Amount", value: amount }, { name: "CloseDate", value: closeDate }] },
          { objectType: "Account", objectId: accountId, timing: "Now", fields: [{ name: "Name", value: company.name }, { name: "Industry", value: company.industry }, { name: "Website", value: `https://www.${company.domain}` }] },
        ],
      },
    ];

    const parties = people.map((p) => {
      const party: Json = { id: p.partyId, emailAddress: p.email, name: p.name, title: p.title };
      if (p.userId) party.userId = p.userId;
      // Invitees who never joined have no speaker id.
      if (!p.silent) party.speakerId = p.speakerId;
      party.affiliation = p.internal ? "Internal" : "External";
      if (p.phoneNumber) party.phoneNumber = p.phoneNumber;
      party.methods = p.methods;
      return party;
    });

    // Talk time and stats.
    const talk = new Map<string, number>();
    let internalTalk = 0;
    let totalTalk = 0;
    let longestInternal = 0;
    let longestExternal = 0;
    let switches = 0;
    let companyQuestions = 0;
    let customerQuestions = 0;
    const pauses: number[] = [];
    let prev: Monologue | undefined;
    for (const m of monologues) {
      const spoken = m.sentences.reduce((s, x) => s + (x.end - x.start), 0) / 1000;
      const span = (m.sentences.at(-1)!.end - m.sentences[0].start) / 1000;
      const who = m.speakerId ? bySpeaker.get(m.speakerId) : undefined;
      if (who) {
        talk.set(who.partyId, (talk.get(who.partyId) ?? 0) + spoken);
        totalTalk += spoken;
        if (who.internal) {
          internalTalk += spoken;
          longestInternal = Math.max(longestInternal, span);
        } else longestExternal = Math.max(longestExternal, span);
        const questions = m.sentences.filter((s) => s.text.endsWith("?")).length;
        if (who.internal) companyQuestions += questions;
        else customerQuestions += questions;
        const prevWho = prev?.speakerId ? bySpeaker.get(prev.speakerId) : undefined;
        if (prev && prevWho && prevWho.internal !== who.internal) {
          switches++;
          if (who.internal) pauses.push((m.sentences[0].start - prev.sentences.at(-1)!.end) / 1000);
        }
      }
      prev = m;
    }
    const speakers = people
      .filter((p) => talk.has(p.partyId))
      .map((p) => (p.userId ? { id: p.partyId, userId: p.userId, talkTime: round1(talk.get(p.partyId)!) } : { id: p.partyId, talkTime: round1(talk.get(p.partyId)!) }));
    const minutes = Math.max(1, duration / 60);
    const interactionStats = [
      { name: "Talk Ratio", value: totalTalk ? round2(internalTalk / totalTalk) : 0 },
      { name: "Longest Monologue", value: Math.round(longestInternal) },
      { name: "Longest Customer Story", value: Math.round(longestExternal) },
      { name: "Interactivity", value: round2(Math.min(10, (switches / minutes) * 1.4)) },
      { name: "Patience", value: pauses.length ? round2(pauses.reduce((a, b) => a + b, 0) / pauses.length) : 0 },
    ];
    const presentationShare = kind.segments.filter(([t]) => PRESENTER_LED.has(t)).reduce((s, [, w]) => s + w, 0);
    const video =
      media === "Video"
        ? [
            { name: "Presentation", duration: round1(duration * presentationShare * rng.float(0.8, 1)) },
            { name: "WebcamPrimaryUser", duration: round1(duration * rng.float(0.6, 0.95)) },
            { name: "WebcamNonCompany", duration: round1(duration * rng.float(0.3, 0.9)) },
          ]
        : [];

    // Topics, structure and outline from the monologues' topics.
    const topicSpans = new Map<string, { start: number; end: number; total: number; firstTexts: { text: string; start: number }[] }>();
    monologues.forEach((m, i) => {
      if (!m.topic) return;
      const start = m.sentences[0].start;
      const next = monologues[i + 1];
      const end = next ? next.sentences[0].start : m.sentences.at(-1)!.end;
      const span = topicSpans.get(m.topic) ?? { start, end, total: 0, firstTexts: [] };
      span.end = Math.max(span.end, end);
      span.total += end - start;
      if (span.firstTexts.length < 2 && m.speakerId && !bySpeaker.get(m.speakerId)?.internal) span.firstTexts.push({ text: m.sentences[0].text, start });
      topicSpans.set(m.topic, span);
    });
    const topics = [...topicSpans].map(([name, s]) => ({ name, duration: Math.round(s.total / 1000) }));
    const structureName = (topic: string) =>
      topic === "Introduction" ? "Intro" : PRESENTER_LED.has(topic) ? "Demo" : topic === "Pricing" || topic === "Negotiation" ? "Pricing" : topic === "Next Steps" ? "Next Steps" : "Discovery";
    const structure: { name: string; duration: number }[] = [];
    for (const t of topics) {
      const name = structureName(t.name);
      const last = structure[structure.length - 1];
      if (last && last.name === name) last.duration += t.duration;
      else structure.push({ name, duration: t.duration });
    }
    const outline = [...topicSpans].map(([section, s]) => ({
      section,
      startTime: round1(s.start / 1000),
      duration: round1(s.total / 1000),
      items: s.firstTexts.map((x) => ({ text: x.text, startTime: round1(x.start / 1000) })),
    }));

    // Trackers: phrase matches in the transcript.
    const trackers = TRACKERS.map((tr) => {
      const phraseHits = tr.phrases.map((phrase) => {
        const re = new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
        const occurrences: { startTime: number; speakerId: string }[] = [];
        for (const m of monologues) for (const s of m.sentences) if (m.speakerId && re.test(s.text)) occurrences.push({ startTime: round2(s.start / 1000), speakerId: m.speakerId });
        return { phrase, count: occurrences.length, occurrences };
      });
      const occurrences = phraseHits.flatMap((p) => p.occurrences).sort((a, b) => a.startTime - b.startTime);
      const tracker: Json = { id: tr.id, name: tr.name, count: occurrences.length, type: tr.type, occurrences };
      if (tr.type === "KEYWORD") tracker.phrases = phraseHits.filter((p) => p.count > 0);
      return tracker;
    });

    const nextStepsTopic = topicSpans.get("Next Steps");
    const nextSteps = rng.sample(kind.nextSteps, Math.min(kind.nextSteps.length, rng.int(2, 3)));
    const highlights = [
      { title: "Next steps", items: nextSteps.map((text) => ({ text, startTimes: nextStepsTopic ? [round1(nextStepsTopic.start / 1000 + rng.float(1, 30))] : [] })) },
    ];
    const keyPoints = rng.sample(kind.keyPoints, Math.min(kind.keyPoints.length, rng.int(2, 3))).map((text) => ({ text }));
    const champion = people.find((p) => !p.internal)!;
    const discussed = topics.filter((t) => t.name !== "Introduction" && t.name !== "Next Steps").slice(0, 3).map((t) => t.name.toLowerCase());
    const brief =
      `${kind.name} with ${company.name}'s ${champion.title.toLowerCase()} ${champion.name}` +
      (discussed.length ? `, covering ${joinList(discussed)}` : "") +
      `. Main concern: ${company.pain}. Next: ${nextSteps[0].charAt(0).toLowerCase()}${nextSteps[0].slice(1)}.`;

    // Manager comments.
    const commenter = c.host.managerId ?? c.host.id;
    const commentCount = rng.weighted([[0, 5], [1, 4], [2, 2]] as const);
    const publicComments: Json[] = [];
    const allSentences = monologues.flatMap((m) => m.sentences);
    for (let i = 0; i < commentCount && allSentences.length; i++) {
      const at = rng.pick(allSentences);
      const id = rng.digits(19);
      publicComments.push({
        id,
        audioStartTime: round1(at.start / 1000),
        audioEndTime: round1(at.end / 1000),
        commenterUserId: commenter,
        comment: rng.pick(COACHING_COMMENTS),
        posted: new Date(c.startedMs + duration * 1000 + rng.int(10, 2000) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        duringCall: false,
      });
      if (rng.chance(0.3)) {
        publicComments.push({
          id: rng.digits(19),
          audioStartTime: round1(at.start / 1000),
          audioEndTime: round1(at.end / 1000),
          commenterUserId: c.host.id,
          comment: rng.pick(["Thanks, agreed.", "Good point, will do next time.", "Noted, let's discuss on Thursday."]),
          posted: new Date(c.startedMs + duration * 1000 + rng.int(2001, 4000) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
          inReplyTo: id,
          duringCall: false,
        });
      }
    }

    const signature = rng.digits(18);
    const expires = Math.floor(REFERENCE_MS / 1000) + 8 * 3600;
    const mediaBlock: Json = { audioUrl: `https://media.gong-sim.example/${callId}/audio.mp3?Expires=${expires}&Signature=${signature}` };
    if (media === "Video") mediaBlock.videoUrl = `https://media.gong-sim.example/${callId}/video.mp4?Expires=${expires}&Signature=${signature}`;

    return {
      metaData,
      context,
      parties,
      content: {
        structure,
        topics,
        trackers,
        brief,
        outline,
        highlights,
        callOutcome: kind.outcome,
        keyPoints,
      },
      interaction: {
        speakers,
        interactionStats,
        video,
        questions: { companyCount: companyQuestions, nonCompanyCount: customerQuestions },
      },
      collaboration: { publicComments },
      media: mediaBlock,
    };
  }
}

function alnum(rng: Prng, n: number): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < n; i++) s += chars[rng.int(0, chars.length - 1)];
  return s;
}

function joinList(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
