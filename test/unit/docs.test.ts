/**
 * Keeps the docs true to the code: every environment variable of `envSchema` is in `.env.example`
 * and in the README's configuration table (with the right default), every CLI command is named in
 * the README, `docker-compose.yml` has the agreed services, relative links resolve, and
 * `.env.example` holds no secret.
 */
import fs from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import type { Command } from "commander";
import { envSchema, loadConfig } from "../../src/core/config";
import { buildProgram } from "../../src/cli/main";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

const readme = read("README.md");
const envExample = read(".env.example");
const compose = read("docker-compose.yml");
const keys = Object.keys(envSchema.shape);
/** The README's "## Configuration" section. */
const configSection = readme.split(/^## /m).find((section) => section.startsWith("Configuration\n")) ?? "";
const defaults = envSchema.parse({}) as Record<string, unknown>;

/** Defaults that can be written in a doc: strings, numbers, booleans (not unset values or lists). */
const scalarDefault = (key: string): string | undefined => {
  const v = defaults[key];
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
};

/** `callcoach serve`, `callcoach token create` … for every leaf command of the program. */
function commandPaths(cmd: Command, prefix: string[] = []): string[] {
  return cmd.commands.flatMap((sub) => {
    const p = [...prefix, sub.name()];
    return sub.commands.length ? commandPaths(sub, p) : [p.join(" ")];
  });
}

describe("environment variables", () => {
  it("has some variables to check", () => {
    expect(keys.length).toBeGreaterThan(10);
  });

  it.each(keys)("%s is in .env.example with its description", (key) => {
    expect(envExample).toMatch(new RegExp(`^#? ?${key}=`, "m"));
    const description = (envSchema.shape as Record<string, { description?: string }>)[key].description;
    expect(description).toBeTruthy();
    expect(envExample).toContain(`# ${description}`);
  });

  it.each(keys)("%s has a row in the README's configuration table with its default", (key) => {
    const row = configSection.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
    expect(row).toBeDefined();
    const def = scalarDefault(key);
    if (def !== undefined && def !== "") expect(row!.split("|")[2].trim()).toBe(`\`${def}\``);
  });

  it("documents only variables that exist", () => {
    const documented = [...configSection.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.filter((k) => !keys.includes(k))).toEqual([]);
    const inExample = [...envExample.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(inExample.filter((k) => !keys.includes(k))).toEqual([]);
  });

  it("shows the real defaults in .env.example", () => {
    for (const m of envExample.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=(.*)$/gm)) {
      const def = scalarDefault(m[1]);
      if (def !== undefined && def !== "") expect(`${m[1]}=${m[2].trim()}`).toBe(`${m[1]}=${def}`);
    }
  });

  it("states the same defaults wherever a doc table lists a variable", () => {
    const docs = fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md"));
    for (const file of ["README.md", ...docs.map((f) => `docs/${f}`)]) {
      for (const m of read(file).matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| `?([^|`]+)`? \|/gm)) {
        const def = scalarDefault(m[1]);
        if (def !== undefined && def !== "" && /^[\w./:-]+$/.test(m[2].trim())) {
          expect(`${file}: ${m[1]} = ${m[2].trim()}`).toBe(`${file}: ${m[1]} = ${def}`);
        }
      }
    }
  });

  it("is a valid configuration as shipped, and with every example line uncommented", () => {
    expect(() => loadConfig(dotenv.parse(envExample))).not.toThrow();
    const uncommented = envExample.replace(/^# ([A-Z][A-Z0-9_]+=)/gm, "$1");
    expect(Object.keys(dotenv.parse(uncommented)).sort()).toEqual([...keys].sort());
    expect(() => loadConfig(dotenv.parse(uncommented))).not.toThrow();
  });

  it("holds no secret in .env.example", () => {
    expect(envExample).not.toMatch(/cc_[A-Za-z0-9_-]{20,}|sk-ant-/);
  });
});

describe("CLI commands", () => {
  const commands = commandPaths(buildProgram());

  it("finds the registered commands", () => {
    expect(commands).toEqual(expect.arrayContaining(["serve", "migrate", "token create", "import"]));
  });

  it.each(commands)("callcoach %s is in the README", (command) => {
    expect(readme).toMatch(new RegExp(`callcoach ${command.replace(/ /g, "\\s+")}\\b`));
  });
});

describe("docker-compose.yml", () => {
  type Service = { command?: string[] | string; profiles?: string[]; image?: string; build?: unknown; depends_on?: any };

  function parseCompose(): { services: Record<string, Service> } {
    // A devDependency: a missing parser fails the test rather than skipping the checks.
    const YAML: { parse(text: string, opts?: object): any } = require("yaml");
    return YAML.parse(compose, { merge: true });
  }

  it("declares postgres, serve and worker services", () => {
    expect(compose).toMatch(/^services:\s*$/m);
    for (const name of ["postgres", "serve", "worker"]) expect(compose).toMatch(new RegExp(`^  ${name}:\\s*$`, "m"));
  });

  it("parses as YAML with the agreed shape", () => {
    const doc = parseCompose();
    const { postgres, serve, worker } = doc.services;
    expect(postgres.image).toMatch(/^postgres:16/);
    expect(serve.build).toBeDefined();
    expect([serve.command].flat()).toEqual(["serve", "--no-worker"]);
    expect(serve.depends_on?.postgres?.condition).toBe("service_healthy");
    expect([worker.command].flat()).toEqual(["worker"]);
    // The worker needs DATABASE_URL, which the shared service environment sets.
    const anyDoc = doc as any;
    expect(anyDoc.services.worker.environment?.DATABASE_URL ?? anyDoc["x-callcoach"]?.environment?.DATABASE_URL).toMatch(/^postgres:\/\//);
  });

  it("starts only commands the CLI has (outside opt-in profiles)", () => {
    const doc = parseCompose();
    const known = buildProgram().commands.map((c) => c.name());
    for (const [name, service] of Object.entries(doc.services)) {
      if (service.profiles?.length || service.command === undefined) continue;
      const command = [service.command].flat()[0];
      expect({ service: name, command, known: known.includes(command) }).toEqual({ service: name, command, known: true });
    }
  });
});

describe("links", () => {
  const files = ["README.md", ...fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

  it.each(files)("relative links in %s resolve", (file) => {
    const broken: string[] = [];
    for (const m of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split("#")[0];
      if (!target || /^[a-z]+:/i.test(target)) continue;
      // benchmarks.md is written by the benchmark work; it may not exist in every checkout.
      if (target.endsWith("benchmarks.md")) continue;
      if (!fs.existsSync(path.resolve(path.dirname(path.join(root, file)), target))) broken.push(m[1]);
    }
    expect(broken).toEqual([]);
  });
});
