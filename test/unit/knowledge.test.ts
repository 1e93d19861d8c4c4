/**
 * The knowledge base: the shipped rubrics validate, broken copies fail with errors naming the file
 * and JSON path, and versions are content hashes that change only for the edited dimension.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { knowledgeDir } from "../../src/core/paths";
import { KnowledgeError, readKnowledge, canonicalJson, RUBRIC_ROLES } from "../../src/modules/rubrics/knowledge.loader";

/** A copy of the shipped knowledge base in a temp dir. */
function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "knowledge-"));
  fs.cpSync(knowledgeDir(), dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (json: any) => void): void {
  const full = path.join(dir, "rubrics", file);
  const json = JSON.parse(fs.readFileSync(full, "utf8"));
  change(json);
  fs.writeFileSync(full, JSON.stringify(json, null, 2));
}

function problems(dir: string): string[] {
  try {
    readKnowledge(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return (err as KnowledgeError).problems;
  }
  throw new Error("expected the knowledge base to be invalid");
}

const dirs: string[] = [];
const tmp = () => {
  const d = copyKnowledge();
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("the shipped knowledge base", () => {
  const rubrics = readKnowledge(knowledgeDir());

  it("has one rubric per role with 5 weighted dimensions summing to 1", () => {
    expect(rubrics.map((r) => r.role).sort()).toEqual([...RUBRIC_ROLES].sort());
    for (const r of rubrics) {
      expect(r.dimensions).toHaveLength(5);
      expect(r.dimensions.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 6);
      for (const d of r.dimensions) {
        expect(d.bands.map((b) => b.min)).toEqual([90, 80, 70, 60, 0]);
        expect(d.criteria.length).toBeGreaterThan(0);
        expect(d.examples!.excellent.length).toBeGreaterThan(0);
        expect(d.examples!.poor.length).toBeGreaterThan(0);
        expect(d.version).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(r.version).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("ships the product notes and a README", () => {
    for (const f of ["README.md", "products/prefect.md", "products/horizon.md", "products/competitive.md"]) {
      expect(fs.existsSync(path.join(knowledgeDir(), f))).toBe(true);
    }
  });
});

describe("validation errors name the file and the JSON path", () => {
  it("weights that do not sum to 1", () => {
    const dir = tmp();
    edit(dir, "ae.json", (j) => (j.dimensions[0].weight = 0.5));
    expect(problems(dir)).toEqual([expect.stringMatching(/^rubrics\/ae\.json: dimensions: weights must sum to 1\.0 .*got 1\.2$/)]);
  });

  it("a duplicate dimension key", () => {
    const dir = tmp();
    edit(dir, "se.json", (j) => (j.dimensions[3].key = j.dimensions[1].key));
    expect(problems(dir)).toEqual([expect.stringMatching(/^rubrics\/se\.json: dimensions\[3\]\.key: duplicate key "technical_accuracy" \(also dimensions\[1\]\)$/)]);
  });

  it("bands out of order, or not ending at 0", () => {
    const dir = tmp();
    edit(dir, "csm.json", (j) => {
      j.dimensions[1].bands[2].min = 85;
      j.dimensions[2].bands[4].min = 10;
    });
    expect(problems(dir)).toEqual([
      expect.stringMatching(/^rubrics\/csm\.json: dimensions\[1\]\.bands\[2\]\.min: must be lower than the band before it \(80\)/),
      "rubrics/csm.json: dimensions[2].bands[4].min: the last band must start at 0",
    ]);
  });

  it("an unknown role, a missing field and an unknown field, all reported at once", () => {
    const dir = tmp();
    edit(dir, "ae.json", (j) => {
      j.role = "SDR";
      delete j.dimensions[0].criteria;
      j.dimensions[1].wieght = 0.2;
    });
    const p = problems(dir);
    expect(p).toEqual(
      expect.arrayContaining([
        "rubrics/ae.json: role: must be one of AE, SE, CSM",
        expect.stringMatching(/^rubrics\/ae\.json: dimensions\[0\]\.criteria: /),
        expect.stringMatching(/^rubrics\/ae\.json: dimensions\[1\]: .*wieght/),
      ]),
    );
  });

  it("invalid JSON, a role defined twice, and a missing role", () => {
    let dir = tmp();
    fs.writeFileSync(path.join(dir, "rubrics", "se.json"), "{ not json");
    expect(problems(dir)).toEqual([expect.stringMatching(/^rubrics\/se\.json: not valid JSON: /)]);

    dir = tmp();
    fs.copyFileSync(path.join(dir, "rubrics", "ae.json"), path.join(dir, "rubrics", "ae-copy.json"));
    expect(problems(dir)).toEqual(["rubrics/ae.json: role: AE is already defined in rubrics/ae-copy.json"]);

    dir = tmp();
    fs.rmSync(path.join(dir, "rubrics", "csm.json"));
    expect(problems(dir)).toEqual([expect.stringMatching(/no rubric for role CSM/)]);
  });

  it("a missing folder", () => {
    expect(() => readKnowledge(path.join(os.tmpdir(), "no-such-knowledge-dir"))).toThrow(/rubrics: folder not found/);
  });
});

describe("versions", () => {
  it("are stable: the same content gives the same versions, whatever the key order or formatting", () => {
    const a = readKnowledge(knowledgeDir());
    const dir = tmp();
    for (const file of ["ae.json", "se.json", "csm.json"]) {
      const full = path.join(dir, "rubrics", file);
      const json = JSON.parse(fs.readFileSync(full, "utf8"));
      // Reverse key order everywhere and drop the pretty-printing.
      const reversed = (v: any): any =>
        Array.isArray(v) ? v.map(reversed) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
      fs.writeFileSync(full, JSON.stringify(reversed(json)));
    }
    const b = readKnowledge(dir);
    const versions = (rs: typeof a) => rs.map((r) => [r.role, r.version, r.dimensions.map((d) => d.version)]);
    expect(versions(b)).toEqual(versions(a));
  });

  it("change only for the edited dimension (and its rubric)", () => {
    const before = readKnowledge(knowledgeDir());
    const dir = tmp();
    edit(dir, "se.json", (j) => j.dimensions[2].criteria.push("Names the customer's warehouse in the design."));
    const after = readKnowledge(dir);
    for (const r of after) {
      const old = before.find((x) => x.role === r.role)!;
      const changed = r.dimensions.filter((d, i) => d.version !== old.dimensions[i].version).map((d) => d.key);
      if (r.role === "SE") {
        expect(changed).toEqual([old.dimensions[2].key]);
        expect(r.version).not.toBe(old.version);
      } else {
        expect(changed).toEqual([]);
        expect(r.version).toBe(old.version);
      }
    }
  });

  it("canonical JSON sorts keys at every level", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
