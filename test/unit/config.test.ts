import path from "node:path";
import { ConfigError, describeConfig, loadConfig, redactUrl } from "../../src/core/config";

/** Runs loadConfig and returns the ConfigError it throws. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected loadConfig(${JSON.stringify(env)}) to fail`);
}

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.databaseUrl).toBeUndefined();
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir).toBe(path.resolve(".callcoach"));
    expect(config.timeZone).toBe("America/Los_Angeles");
    expect(config.graphql.maxPageSize).toBe(100);
    expect(config.logLevel).toBe("info");
    expect(config.internalDomains).toEqual([]);
    expect(config.defaultRole).toBe("OTHER");
    expect(config.demo).toBe(true);
    expect(config.publicUrl).toBeUndefined();
  });

  it("resolves a relative data dir to an absolute path and strips trailing slashes of URLs", () => {
    const config = loadConfig({
      CALLCOACH_DATA_DIR: "some/rel/dir",
      CALLCOACH_PUBLIC_URL: "https://coach.example.com/",
      CALLCOACH_URL: "http://127.0.0.1:4000//",
      PORT: "0",
    });
    expect(config.dataDir).toBe(path.resolve("some/rel/dir"));
    expect(config.publicUrl).toBe("https://coach.example.com");
    expect(config.clientUrl).toBe("http://127.0.0.1:4000");
    expect(config.port).toBe(0);
  });

  it.each(["abc", "70000", "-1", "80.5"])("rejects PORT=%j with a ConfigError naming PORT", (port) => {
    const err = configError({ PORT: port });
    expect(err.message).toMatch(/^Invalid configuration:/);
    expect(err.message).toMatch(/\bPORT: /);
    expect(err.message).toContain(JSON.stringify(port));
  });

  it("rejects an invalid REVIEW_TZ naming REVIEW_TZ", () => {
    const err = configError({ REVIEW_TZ: "Mars/Olympus_Mons" });
    expect(err.message).toMatch(/\bREVIEW_TZ: must be an IANA time zone/);
    expect(err.message).not.toMatch(/\bPORT\b/);
  });

  it("names every invalid variable at once", () => {
    const err = configError({ PORT: "http", REVIEW_TZ: "Nowhere/Land", LOG_LEVEL: "loud" });
    expect(err.message).toMatch(/\bPORT: /);
    expect(err.message).toMatch(/\bREVIEW_TZ: /);
    expect(err.message).toMatch(/\bLOG_LEVEL: /);
  });

  it("rejects a non-postgres DATABASE_URL without echoing it", () => {
    const url = "mysql://admin:s3cr3t-pass@db.internal.example.com:3306/coach";
    const err = configError({ DATABASE_URL: url });
    expect(err.message).toMatch(/DATABASE_URL/);
    expect(err.message).toMatch(/postgres:\/\//);
    expect(err.message).not.toContain("s3cr3t-pass");
    expect(err.message).not.toContain("db.internal.example.com");
    expect(err.message).not.toContain(url);
  });

  it("accepts postgres:// and postgresql:// URLs and treats an empty DATABASE_URL as unset", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u:p@h:5432/db" }).databaseUrl).toBe("postgres://u:p@h:5432/db");
    expect(loadConfig({ DATABASE_URL: "postgresql://u@h/db" }).databaseUrl).toBe("postgresql://u@h/db");
    expect(loadConfig({ DATABASE_URL: "  " }).databaseUrl).toBeUndefined();
  });

  it("treats empty values (as left by `VAR=` in .env) as unset, so defaults apply", () => {
    const config = loadConfig({ PORT: "", CALLCOACH_DATA_DIR: "  ", LOG_LEVEL: "", GRAPHQL_MAX_COST: "" });
    expect(config.port).toBe(4000);
    expect(config.dataDir).toBe(path.resolve("./.callcoach"));
    expect(config.logLevel).toBe("info");
    expect(config.graphql.maxCost).toBe(25000);
  });

  it("parses CALLCOACH_INTERNAL_DOMAINS: trimmed, lower-cased, without @, empties dropped", () => {
    expect(loadConfig({ CALLCOACH_INTERNAL_DOMAINS: " Prefect.io,@example.com " }).internalDomains).toEqual([
      "prefect.io",
      "example.com",
    ]);
    expect(loadConfig({ CALLCOACH_INTERNAL_DOMAINS: "a.com,, ,B.com," }).internalDomains).toEqual(["a.com", "b.com"]);
  });
});

describe("describeConfig and redactUrl", () => {
  it("redacts the DATABASE_URL password and the client token", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://coach:hunter2@db.example.com:5432/app?sslmode=require",
      CALLCOACH_TOKEN: "cc_supersecrettokenvalue",
      PORT: "4100",
    });
    const described = describeConfig(config);
    expect(described.database).toBe("postgres://coach:***@db.example.com:5432/app?sslmode=require");
    expect(described.clientToken).toBe("***");
    expect(described.port).toBe(4100);
    const text = JSON.stringify(described);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("supersecret");
  });

  it("rejects an invalid GONG_RECONCILE_CRON naming the variable", () => {
    expect(() => loadConfig({ GONG_RECONCILE_CRON: "every hour" })).toThrow(/GONG_RECONCILE_CRON: must be a cron expression/);
    expect(loadConfig({ GONG_RECONCILE_CRON: "*/15 * * * *" }).gong.reconcileCron).toBe("*/15 * * * *");
  });

  it("describes the Gong setup without its secrets", () => {
    const d = describeConfig(loadConfig({ GONG_API_KEY: "key-123", GONG_API_SECRET: "secret-456", GONG_WEBHOOK_URL_KEY: "hook-789" }));
    expect(d.gong).toEqual({ baseUrl: "https://api.gong.io", auth: "basic (***)", webhook: "URL key (***)" });
    expect(JSON.stringify(d)).not.toMatch(/key-123|secret-456|hook-789/);
  });

  it("describes the embedded database by its data dir", () => {
    const config = loadConfig({ CALLCOACH_DATA_DIR: "/var/lib/callcoach" });
    expect(describeConfig(config).database).toBe("embedded PGlite in /var/lib/callcoach");
    expect(describeConfig(config).clientToken).toBeUndefined();
  });

  it("redactUrl replaces only the password, and hides unparseable input entirely", () => {
    expect(redactUrl("postgres://u:p%40ss@h:5432/db")).toBe("postgres://u:***@h:5432/db");
    expect(redactUrl("postgres://u@h/db")).toBe("postgres://u@h/db");
    expect(redactUrl("postgres://h/db?sslmode=require")).toBe("postgres://h/db?sslmode=require");
    expect(redactUrl("not a url with password=secret")).toBe("***");
  });
});
