/**
 * Loads the knowledge base (`knowledge/rubrics/*.json`): validates every file with zod — errors name
 * the file and the JSON path — computes content hashes (a dimension's version is the sha256 of its
 * canonical JSON; a rubric's version hashes its dimension versions and weights), and upserts the
 * rubrics by role in one transaction, so a bad file changes nothing.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { DataSource } from "typeorm";
import { BadInputError } from "../../core/errors";
import { Rubric, type RubricDimension } from "./rubric.entity";

export const RUBRIC_ROLES = ["AE", "SE", "CSM"] as const;
const WEIGHT_TOLERANCE = 0.001;
const KNOWLEDGE_LOCK_KEY = 0x6b6e6f77; // "know"
/** Band floors every dimension must have, in this order. */
export const BAND_FLOORS = [90, 80, 70, 60, 0] as const;

const text = z.string().trim().min(1, "must be a non-empty string");

const bandSchema = z.strictObject({
  min: z.number().int("must be an integer").min(0).max(100),
  label: text,
  description: text,
});

const dimensionSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case (a-z, 0-9, _), starting with a letter"),
  name: text,
  weight: z.number().gt(0, "must be greater than 0").lte(1, "must be at most 1"),
  description: text,
  criteria: z.array(text).min(1, "needs at least one criterion"),
  bands: z
    .array(bandSchema)
    .min(2, "needs at least two bands")
    .superRefine((bands, ctx) => {
      for (let i = 1; i < bands.length; i++) {
        if (bands[i].min >= bands[i - 1].min) {
          ctx.addIssue({ code: "custom", path: [i, "min"], message: `must be lower than the band before it (${bands[i - 1].min}): bands go from highest to lowest` });
        }
      }
      if (bands.length && bands[bands.length - 1].min !== 0) {
        ctx.addIssue({ code: "custom", path: [bands.length - 1, "min"], message: "the last band must start at 0" });
      }
    }),
  examples: z.strictObject({
    excellent: z.array(text).min(1, "needs at least one example"),
    poor: z.array(text).min(1, "needs at least one example"),
  }),
});

const rubricSchema = z
  .strictObject({
    role: z.enum(RUBRIC_ROLES, { error: `must be one of ${RUBRIC_ROLES.join(", ")}` }),
    name: text,
    description: text,
    dimensions: z.array(dimensionSchema).min(4, "needs 4 to 6 dimensions").max(6, "needs 4 to 6 dimensions"),
  })
  .superRefine((r, ctx) => {
    const seen = new Map<string, number>();
    r.dimensions.forEach((d, i) => {
      const first = seen.get(d.key);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: ["dimensions", i, "key"], message: `duplicate key "${d.key}" (also dimensions[${first}])` });
      } else seen.set(d.key, i);
    });
    const sum = r.dimensions.reduce((s, d) => s + d.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      ctx.addIssue({ code: "custom", path: ["dimensions"], message: `weights must sum to 1.0 (±${WEIGHT_TOLERANCE}), got ${round(sum)}` });
    }
  });

export type RubricFile = z.infer<typeof rubricSchema>;

export interface LoadedRubric {
  role: (typeof RUBRIC_ROLES)[number];
  name: string;
  description: string;
  version: string;
  dimensions: RubricDimension[];
  sourcePath: string;
}

export interface KnowledgeLoadSummary {
  rubrics: number;
  dimensions: number;
  /** Dimensions that are new or whose content (and so version) changed. */
  changedDimensions: number;
  dir: string;
}

/** Every problem found in the knowledge base, one per line: `file: path: message`. */
export class KnowledgeError extends BadInputError {
  constructor(readonly problems: string[]) {
    super("INVALID_KNOWLEDGE", `Invalid knowledge base:\n  ${problems.join("\n  ")}`, { problems });
  }
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** `dimensions[2].bands[1].min` */
function jsonPath(p: PropertyKey[]): string {
  let out = "";
  for (const seg of p) out += typeof seg === "number" ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out || "(root)";
}

/** zod's wording, made plainer for people editing the files. */
function plainMessage(message: string): string {
  return message
    .replace(/^Invalid input: expected (\w+), received undefined$/, "is required (expected $1)")
    .replace(/^Invalid input: expected (\w+), received (\w+)$/, "must be of type $1, not $2")
    .replace(/^Unrecognized keys?: /, "unknown field(s) (check the spelling): ");
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export function dimensionVersion(dim: Omit<RubricDimension, "version">): string {
  return sha256(canonicalJson(dim));
}

export function rubricVersion(dims: Pick<RubricDimension, "key" | "weight" | "version">[]): string {
  return sha256(canonicalJson(dims.map((d) => ({ key: d.key, weight: d.weight, version: d.version }))));
}

/** Reads and validates `<dir>/rubrics/*.json`; throws KnowledgeError listing every problem. */
export function readKnowledge(dir: string): LoadedRubric[] {
  const rubricsDir = path.join(dir, "rubrics");
  if (!fs.existsSync(rubricsDir) || !fs.statSync(rubricsDir).isDirectory()) {
    throw new KnowledgeError([`${rubricsDir}: folder not found (set CALLCOACH_KNOWLEDGE_DIR to the knowledge base)`]);
  }
  const files = fs.readdirSync(rubricsDir).filter((f) => f.endsWith(".json")).sort();
  const problems: string[] = [];
  const loaded: LoadedRubric[] = [];
  const roleFile = new Map<string, string>();
  let unreadable = false;
  for (const file of files) {
    const full = path.join(rubricsDir, file);
    const shown = path.join("rubrics", file);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(full, "utf8"));
    } catch (err) {
      problems.push(`${shown}: not valid JSON: ${(err as Error).message}`);
      unreadable = true;
      continue;
    }
    const parsed = rubricSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${shown}: ${jsonPath(issue.path)}: ${plainMessage(issue.message)}`);
      unreadable = true;
      continue;
    }
    const r = parsed.data;
    const other = roleFile.get(r.role);
    if (other) {
      problems.push(`${shown}: role: ${r.role} is already defined in ${other}`);
      continue;
    }
    roleFile.set(r.role, shown);
    const dimensions: RubricDimension[] = r.dimensions.map((d) => {
      const content = { key: d.key, name: d.name, weight: d.weight, description: d.description, criteria: d.criteria, bands: d.bands, examples: d.examples };
      return { ...content, version: dimensionVersion(content) };
    });
    loaded.push({ role: r.role, name: r.name, description: r.description, version: rubricVersion(dimensions), dimensions, sourcePath: full });
  }
  for (const role of RUBRIC_ROLES) {
    // A file that failed validation may be the one meant for this role: report only its own problems.
    if (!roleFile.has(role) && !unreadable) {
      problems.push(`rubrics/: no rubric for role ${role} (expected e.g. rubrics/${role.toLowerCase()}.json)`);
    }
  }
  if (problems.length) throw new KnowledgeError(problems);
  return loaded;
}

/** Validates the knowledge base and upserts every rubric by role, all or nothing. */
export async function loadKnowledge(ds: DataSource, dir: string): Promise<KnowledgeLoadSummary> {
  const rubrics = readKnowledge(dir);
  let changedDimensions = 0;
  await ds.transaction(async (em) => {
    // Processes starting together (serve + workers on one PostgreSQL) load one after the other.
    await em.query("SELECT pg_advisory_xact_lock($1)", [KNOWLEDGE_LOCK_KEY]);
    const repo = em.getRepository(Rubric);
    for (const r of rubrics) {
      const existing = await repo.findOne({ where: { role: r.role } });
      const before = new Map((existing?.dimensions ?? []).map((d) => [d.key, d.version]));
      changedDimensions += r.dimensions.filter((d) => before.get(d.key) !== d.version).length;
      const unchanged =
        existing && existing.version === r.version && existing.name === r.name && existing.description === r.description && existing.sourcePath === r.sourcePath;
      if (unchanged) continue;
      await repo.save(
        repo.merge(existing ?? repo.create(), {
          role: r.role,
          name: r.name,
          description: r.description,
          version: r.version,
          dimensions: r.dimensions,
          sourcePath: r.sourcePath,
        }),
      );
    }
  });
  return { rubrics: rubrics.length, dimensions: rubrics.reduce((n, r) => n + r.dimensions.length, 0), changedDimensions, dir };
}
