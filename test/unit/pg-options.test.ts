import { pgConnectionOptions } from "../../src/core/db/pg-options";

describe("pgConnectionOptions", () => {
  it("leaves ssl undefined (pg's default) without sslmode and keeps the URL", () => {
    const r = pgConnectionOptions("postgres://postgres@127.0.0.1:5432/test");
    expect(r.ssl).toBeUndefined();
    expect(r.url).toBe("postgres://postgres@127.0.0.1:5432/test");
  });

  it("sslmode=require (Neon style) encrypts without verifying and strips sslmode and channel_binding", () => {
    const r = pgConnectionOptions("postgres://u:p@ep-x.neon.tech/db?sslmode=require&channel_binding=require");
    expect(r.ssl).toEqual({ rejectUnauthorized: false });
    expect(r.url).toBe("postgres://u:p@ep-x.neon.tech/db");
    expect(r.url).not.toMatch(/sslmode|channel_binding/);
  });

  it("keeps other query parameters", () => {
    const r = pgConnectionOptions("postgresql://u:p@h:6543/db?application_name=coach&sslmode=require&sslrootcert=/x.pem");
    expect(r.url).toBe("postgresql://u:p@h:6543/db?application_name=coach");
    expect(r.ssl).toEqual({ rejectUnauthorized: false });
  });

  it.each(["verify-full", "verify-ca"])("sslmode=%s verifies the certificate", (mode) => {
    const r = pgConnectionOptions(`postgres://u:p@db.example.com/db?sslmode=${mode}`);
    expect(r.ssl).toEqual({ rejectUnauthorized: true });
    expect(r.url).toBe("postgres://u:p@db.example.com/db");
  });

  it("sslmode=disable turns TLS off", () => {
    const r = pgConnectionOptions("postgres://u:p@h/db?sslmode=disable");
    expect(r.ssl).toBe(false);
    expect(r.url).toBe("postgres://u:p@h/db");
  });

  it.each(["prefer", "allow"])("sslmode=%s leaves ssl undefined", (mode) => {
    expect(pgConnectionOptions(`postgres://u:p@h/db?sslmode=${mode}`).ssl).toBeUndefined();
  });

  it("ssl=true means require", () => {
    const r = pgConnectionOptions("postgres://u:p@h/db?ssl=true");
    expect(r.ssl).toEqual({ rejectUnauthorized: false });
    expect(r.url).toBe("postgres://u:p@h/db");
  });

  it("throws naming DATABASE_URL and the mode for an unknown sslmode, without the password", () => {
    let message = "";
    try {
      pgConnectionOptions("postgres://u:secretpw@h/db?sslmode=bogus");
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^DATABASE_URL: unsupported sslmode "bogus"/);
    expect(message).not.toContain("secretpw");
  });
});
