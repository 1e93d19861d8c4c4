/**
 * The simulated company's Gong users (`UserMetadata` of GET /v2/users): a VP of Sales, two managers,
 * the four demo reps of src/demo/demo-calls.ts (same userIds and speakerIds) and a few generated
 * reps, linked by `managerId` into one tree. One avatar (a synthetic Gong support user) is listed
 * only with `includeAvatars`.
 */
import type { Prng } from "./prng";

export type RepRole = "VP" | "MANAGER" | "AE" | "SE" | "CSM" | "AVATAR";

/** A user of the simulated company, with what the call generator needs besides Gong's fields. */
export interface SimUser {
  id: string;
  firstName: string;
  lastName: string;
  title: string;
  role: RepRole;
  managerId?: string;
  /** IANA time zone of the user's calendar (offsets of generated call times). */
  timeZone: string;
  /** Gong speaker id of this user on calls (stable across calls, as in the demo data). */
  speakerId: string;
  created: string;
  phoneNumber: string;
  avatar?: boolean;
}

/** Our side's e-mail domain (the demo calls use it). */
export const COMPANY_DOMAIN = "prefect-demo.example";

const FIXED_USERS: SimUser[] = [
  { id: "7100000000000000001", firstName: "Elena", lastName: "Marquez", title: "VP of Sales", role: "VP", timeZone: "America/Los_Angeles", speakerId: "7200000000000000001", created: "2022-02-14T17:05:12Z", phoneNumber: "+1 415-555-0101" },
  { id: "7100000000000000002", firstName: "Marcus", lastName: "Hale", title: "Sales Manager, Enterprise", role: "MANAGER", managerId: "7100000000000000001", timeZone: "America/New_York", speakerId: "7200000000000000002", created: "2022-03-01T14:22:40Z", phoneNumber: "+1 212-555-0102" },
  { id: "7100000000000000003", firstName: "Sofia", lastName: "Reyes", title: "Manager, Solutions Engineering and Customer Success", role: "MANAGER", managerId: "7100000000000000001", timeZone: "America/Los_Angeles", speakerId: "7200000000000000003", created: "2022-05-09T16:41:03Z", phoneNumber: "+1 415-555-0103" },
  // The four demo reps: userId/speakerId exactly as in src/demo/demo-calls.ts.
  { id: "7100000000000000011", firstName: "Maya", lastName: "Chen", title: "Account Executive", role: "AE", managerId: "7100000000000000002", timeZone: "America/Los_Angeles", speakerId: "7200000000000000011", created: "2023-01-09T17:00:00Z", phoneNumber: "+1 415-555-0111" },
  { id: "7100000000000000012", firstName: "Diego", lastName: "Alvarez", title: "Account Executive", role: "AE", managerId: "7100000000000000002", timeZone: "America/Los_Angeles", speakerId: "7200000000000000012", created: "2023-04-17T16:30:00Z", phoneNumber: "+1 415-555-0112" },
  { id: "7100000000000000013", firstName: "Priya", lastName: "Natarajan", title: "Senior Sales Engineer", role: "SE", managerId: "7100000000000000003", timeZone: "America/Los_Angeles", speakerId: "7200000000000000013", created: "2022-09-12T15:45:00Z", phoneNumber: "+1 415-555-0113" },
  { id: "7100000000000000014", firstName: "Tom", lastName: "Becker", title: "Customer Success Manager", role: "CSM", managerId: "7100000000000000003", timeZone: "America/Los_Angeles", speakerId: "7200000000000000014", created: "2023-06-05T16:10:00Z", phoneNumber: "+1 415-555-0114" },
];

const GENERATED_ROLES: { role: RepRole; title: string; managerId: string }[] = [
  { role: "AE", title: "Enterprise Account Executive", managerId: "7100000000000000002" },
  { role: "AE", title: "Account Executive", managerId: "7100000000000000002" },
  { role: "AE", title: "Account Executive", managerId: "7100000000000000002" },
  { role: "SE", title: "Sales Engineer", managerId: "7100000000000000003" },
  { role: "CSM", title: "Customer Success Manager", managerId: "7100000000000000003" },
  { role: "CSM", title: "Senior Customer Success Manager", managerId: "7100000000000000003" },
];

const REP_FIRST = ["Noah", "Ava", "Liam", "Zoe", "Owen", "Grace", "Ethan", "Chloe", "Isaac", "Leah", "Mateo", "Ruby", "Samir", "Ines", "Kofi", "Hana"];
const REP_LAST = ["Sullivan", "Park", "Okafor", "Lindgren", "Moreau", "Kapoor", "Duarte", "Whitfield", "Nakamura", "Brennan", "Hughes", "Castillo", "Feld", "Adeyemi"];
const REP_ZONES = ["America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York"];

const AVATAR: SimUser = {
  id: "7100000000000000099", firstName: "Gong", lastName: "Support", title: "Gong Customer Success (avatar)", role: "AVATAR",
  timeZone: "America/Los_Angeles", speakerId: "7200000000000000099", created: "2022-02-14T17:05:13Z", phoneNumber: "+1 650-555-0199", avatar: true,
};

/** The org: fixed leadership and demo reps, then generated reps (names from the seed). */
export function buildUsers(rng: Prng): SimUser[] {
  const firsts = rng.shuffle(REP_FIRST);
  const lasts = rng.shuffle(REP_LAST);
  const generated = GENERATED_ROLES.map((g, i): SimUser => {
    const n = String(21 + i).padStart(2, "0");
    const month = String(rng.int(1, 12)).padStart(2, "0");
    const day = String(rng.int(1, 28)).padStart(2, "0");
    return {
      id: `71000000000000000${n}`,
      firstName: firsts[i],
      lastName: lasts[i],
      title: g.title,
      role: g.role,
      managerId: g.managerId,
      timeZone: rng.pick(REP_ZONES),
      speakerId: `72000000000000000${n}`,
      created: `${rng.pick(["2023", "2024", "2025"])}-${month}-${day}T${String(rng.int(14, 22))}:${String(rng.int(10, 59))}:00Z`,
      phoneNumber: `+1 ${rng.pick(["415", "312", "646", "720", "512"])}-555-01${n}`,
    };
  });
  return [...FIXED_USERS.map((u) => ({ ...u })), ...generated, { ...AVATAR }];
}

export function userEmail(u: SimUser): string {
  return u.avatar ? "support-avatar@gong-sim.example" : `${u.firstName}.${u.lastName}@${COMPANY_DOMAIN}`.toLowerCase();
}

export function userName(u: SimUser): string {
  return `${u.firstName} ${u.lastName}`;
}

/** Gong's `UserMetadata` for a user (field order as in Gong's sample). */
export function userMetadata(u: SimUser): Record<string, unknown> {
  const email = userEmail(u);
  const slug = `${u.firstName}${u.lastName}`.toLowerCase();
  const out: Record<string, unknown> = {
    id: u.id,
    emailAddress: email,
    created: u.created,
    active: true,
    emailAliases: [],
    trustedEmailAddress: email,
    firstName: u.firstName,
    lastName: u.lastName,
    title: u.title,
    phoneNumber: u.phoneNumber,
    extension: u.id.slice(-3),
    personalMeetingUrls: [`https://zoom.example/my/${slug}`],
    settings: {
      webConferencesRecorded: !u.avatar,
      preventWebConferenceRecording: false,
      telephonyCallsImported: u.role === "AE",
      emailsImported: !u.avatar,
      preventEmailImport: false,
      nonRecordedMeetingsImported: true,
      gongConnectEnabled: !u.avatar,
    },
    managerId: u.managerId,
    meetingConsentPageUrl: `https://join.gong-sim.example/consent/${slug}`,
    spokenLanguages: [{ language: "en-US", primary: true }],
  };
  if (u.managerId === undefined) delete out.managerId;
  return out;
}
