/**
 * The one place that reads `process.env`. Every setting is declared here with its default and
 * description; `loadConfig()` validates them and fails fast with a message naming the variable.
 * Secrets are listed in `SECRET_KEYS` so that `describeConfig()` (what we log) redacts them.
 */
import path from "node:path";
import fs from "node:fs";
import { z } from "zod";
import dotenv from "dotenv";
import cronParser from "cron-parser";
import { knowledgeDir } from "./paths";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const intFromEnv = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

const boolFromEnv = (def: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? def : ["1", "true", "yes", "on"].includes(v)));

const repRoles = ["AE", "SE", "CSM", "OTHER"] as const;

/** Environment variables understood by call-coach (see `.env.example` and README, "Configuration"). */
export const envSchema = z.object({
  DATABASE_URL: optionalString.describe(
    "PostgreSQL URL (postgres://user:pass@host:5432/db; sslmode=require honoured). Unset: embedded PGlite in CALLCOACH_DATA_DIR.",
  ),
  CALLCOACH_DATA_DIR: z
    .string()
    .default("./.callcoach")
    .describe("Folder of the embedded database, its lock file and the admin token (resolved to an absolute path)."),
  HOST: z.string().default("127.0.0.1").describe("Interface the HTTP server binds to."),
  PORT: intFromEnv(4000, 0, 65535).describe("HTTP port (GraphQL, WebSocket, health, metrics). 0 picks a free port."),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("pino log level."),
  CALLCOACH_PUBLIC_URL: optionalString
    .pipe(z.url().optional())
    .describe("Externally visible base URL of this server. Default http://HOST:PORT."),
  CALLCOACH_INTERNAL_DOMAINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    )
    .describe("Comma-separated email domains of our company; decides internal/external sides where Gong does not."),
  CALLCOACH_DEFAULT_ROLE: z
    .enum(repRoles)
    .default("OTHER")
    .describe("Role given to a new rep whose job title names none of AE, SE, CSM."),
  CALLCOACH_URL: optionalString
    .pipe(z.url().optional())
    .describe("Base URL of a running call-coach server used by clients (e.g. http://127.0.0.1:4000); clients append /graphql."),
  CALLCOACH_TOKEN: optionalString.describe("API token the MCP adapter (`callcoach mcp`) sends as a bearer token; doctor checks it against CALLCOACH_URL."),
  REVIEW_CRON: z
    .string()
    .default("0 6 * * 1")
    .refine((v) => isValidCron(v), "must be a cron expression such as 0 6 * * 1 (minute hour day month weekday)")
    .describe("When the weekly review runs (cron, read in REVIEW_TZ): it reports on the week before."),
  REVIEW_ANALYSIS_BATCH: boolFromEnv(false).describe(
    "Weekly review: analyse the week's not-yet-analysed calls in batch mode (half price, results within 24 h) instead of at once.",
  ),
  REVIEW_WAIT_SECONDS: intFromEnv(300, 5, 86_400).describe(
    "Weekly review: seconds between checks while the week's analyses are still running (a follow-up job; no worker waits).",
  ),
  REPORT_WEBHOOK_URL: optionalString
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .describe("Slack-compatible incoming-webhook URL that receives the weekly team report. Unset: not sent."),
  SMTP_URL: optionalString
    .pipe(z.url({ protocol: /^smtps?$/ }).optional())
    .describe("SMTP server for e-mailed reports (smtp://user:pass@host:587 or smtps://…:465). Unset: no e-mail."),
  REPORT_EMAIL_TO: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((x) => x.trim()).filter(Boolean))
    .describe("Comma-separated addresses that receive the weekly team report by e-mail (each rep's own report goes to the rep)."),
  REPORT_EMAIL_FROM: z.string().default("call-coach <callcoach@localhost>").describe("Sender of report e-mails."),
  REPORT_RETRY_SECONDS: intFromEnv(60, 1, 3600).describe("First retry delay of a failed report delivery, doubling each attempt (5 retries)."),
  REVIEW_TZ: z
    .string()
    .default("America/Los_Angeles")
    .refine((tz) => isValidTimeZone(tz), "must be an IANA time zone such as America/Los_Angeles")
    .describe("Time zone for call dates, date filters and week boundaries."),
  GRAPHQL_MAX_DEPTH: intFromEnv(10, 2, 100).describe("Deepest selection nesting a GraphQL operation may have."),
  GRAPHQL_MAX_ALIASES: intFromEnv(30, 1, 1000).describe("Most field aliases one GraphQL operation may use."),
  GRAPHQL_MAX_COST: intFromEnv(25_000, 100, 10_000_000).describe(
    "Largest estimated cost of one GraphQL operation (one per field, multiplied by page sizes).",
  ),
  GRAPHQL_MAX_PAGE_SIZE: intFromEnv(100, 1, 1000).describe("Largest `first` a connection accepts (and its default)."),
  CALLCOACH_KNOWLEDGE_DIR: optionalString.describe(
    "Folder of the knowledge base (rubrics/*.json, products/*.md) loaded on start and by `callcoach knowledge load`. Default: knowledge/ of the installed package.",
  ),
  CALLCOACH_DEMO: boolFromEnv(true).describe(
    "Load the demo calls on first start of an empty embedded database (serve --no-demo also skips).",
  ),
  PGLITE_MAX_CONNECTIONS: intFromEnv(20, 2, 200).describe(
    "Connections the embedded database's socket accepts (must cover every pool of the process).",
  ),
  DB_POOL_SIZE: intFromEnv(10, 1, 200).describe("Size of the process's connection pool."),
  GONG_API_BASE_URL: optionalString
    .transform((v) => v ?? "https://api.gong.io")
    .pipe(z.url({ protocol: /^https?$/ }))
    .describe(
      "Gong API host (endpoints under /v2): https://api.gong.io works with an access key; with GONG_API_TOKEN use the tenant host from the token response.",
    ),
  GONG_API_KEY: optionalString.describe("Gong access key (Basic auth, with GONG_API_SECRET), from Gong's Admin center → Ecosystem → API."),
  GONG_API_SECRET: optionalString.describe("Gong access key secret (Basic auth, with GONG_API_KEY)."),
  GONG_API_TOKEN: optionalString.describe("Gong OAuth access token (Bearer auth), used when GONG_API_KEY/GONG_API_SECRET are unset."),
  GONG_REQUESTS_PER_SECOND: z.coerce
    .number()
    .positive()
    .max(1000)
    .default(3)
    .describe(
      "Requests per second to Gong, shared by every process on the database (Gong allows a company 3; lower it if other tools use the same Gong account).",
    ),
  GONG_REQUESTS_PER_DAY: intFromEnv(10_000, 1, 10_000_000).describe(
    "Requests per UTC day to Gong, shared by every process on the database (Gong allows a company 10,000).",
  ),
  GONG_REQUEST_TIMEOUT_MS: intFromEnv(30_000, 100, 600_000).describe(
    "Milliseconds one Gong request may take (response body included) before it is retried.",
  ),
  GONG_RECONCILE_CRON: z
    .string()
    .default("0 * * * *")
    .refine((v) => isValidCron(v), "must be a cron expression such as 0 * * * * (minute hour day month weekday)")
    .describe("When to reconcile with Gong (cron, UTC): sync users and ingest calls of the last 48 hours whose webhook never arrived."),
  GONG_WEBHOOK_PUBLIC_KEY: optionalString.describe(
    "Public key of the Gong webhook rule (signed JWT mode): PEM, or the bare base64 Gong's rule editor shows.",
  ),
  GONG_WEBHOOK_URL_KEY: optionalString.describe(
    "Secret of the Gong webhook rule in URL-key mode: deliveries must carry ?key=<this> (compared in constant time).",
  ),
  GONG_WEBHOOK_INSECURE: boolFromEnv(false).describe(
    "Development only: accept unsigned webhook deliveries when neither GONG_WEBHOOK_PUBLIC_KEY nor GONG_WEBHOOK_URL_KEY is set.",
  ),
  WEBHOOK_MAX_BODY_BYTES: intFromEnv(5 * 1024 * 1024, 1024, 100 * 1024 * 1024).describe(
    "Largest webhook body accepted, in bytes (larger: HTTP 413).",
  ),
  ANTHROPIC_API_KEY: optionalString.describe(
    "Anthropic API key: calls are scored by Claude. Unset: the offline heuristic engine scores them (labelled HEURISTIC).",
  ),
  ANTHROPIC_BASE_URL: optionalString
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .describe("Anthropic API base URL without /v1 (default https://api.anthropic.com)."),
  CALLCOACH_MODEL: z
    .string()
    .trim()
    .min(1)
    .default("claude-sonnet-5-5")
    .describe("Claude model that scores calls (its prices come from the built-in price table)."),
  ANALYSIS_CONCURRENCY: intFromEnv(6, 1, 64).describe(
    "Claude requests one analysis runs at once (one per rubric dimension plus the call review).",
  ),
  ANALYSIS_CONTEXT_BUDGET_TOKENS: intFromEnv(150_000, 2_000, 2_000_000).describe(
    "Largest prompt (tokens) analysed in one pass; longer calls are split into overlapping windows.",
  ),
  ANALYSIS_MAX_OUTPUT_TOKENS: intFromEnv(4_096, 256, 64_000).describe("max_tokens of one Claude request (thinking included)."),
  ANALYSIS_API_RETRIES: intFromEnv(4, 0, 10).describe(
    "Retries of one Claude request on 429/5xx/529 and connection errors (the SDK's backoff honours retry-after).",
  ),
  ANALYSIS_BATCH_POLL_SECONDS: intFromEnv(60, 1, 3600).describe(
    "Seconds between checks of a batch-mode analysis's Message Batch (a follow-up job; no worker waits).",
  ),
  ANALYSIS_ASSUMED_ROLE: z
    .enum(["AE", "SE", "CSM"])
    .default("AE")
    .describe("Rubric applied to an internal speaker whose role is unknown (OTHER); such analyses are flagged roleAssumed."),
});

export type Env = z.input<typeof envSchema>;
export type RepRoleName = (typeof repRoles)[number];

/** Keys whose values never reach a log line. */
export const SECRET_KEYS = [
  "DATABASE_URL",
  "CALLCOACH_TOKEN",
  "GONG_API_KEY",
  "GONG_API_SECRET",
  "GONG_API_TOKEN",
  "GONG_WEBHOOK_URL_KEY",
  "ANTHROPIC_API_KEY",
  "SMTP_URL",
  "REPORT_WEBHOOK_URL",
] as const;

export interface Config {
  databaseUrl: string | undefined;
  /** Absolute path of the data dir (the embedded database lives in `<dataDir>/pgdata`). */
  dataDir: string;
  host: string;
  port: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Base URL without trailing slash. */
  publicUrl: string | undefined;
  internalDomains: string[];
  defaultRole: RepRoleName;
  clientUrl: string | undefined;
  clientToken: string | undefined;
  timeZone: string;
  /** Weekly review and report delivery (src/modules/reports/). */
  review: {
    cron: string;
    analysisBatch: boolean;
    waitSeconds: number;
    webhookUrl: string | undefined;
    smtpUrl: string | undefined;
    emailTo: string[];
    emailFrom: string;
    retrySeconds: number;
  };
  graphql: { maxDepth: number; maxAliases: number; maxCost: number; maxPageSize: number };
  demo: boolean;
  /** Absolute path of the knowledge base folder. */
  knowledgeDir: string;
  pgliteMaxConnections: number;
  poolSize: number;
  /** Gong API client (src/gong/client.ts); `gongClientFromConfig` checks that credentials are set. */
  gong: {
    /** Without trailing slash. */
    baseUrl: string;
    accessKey: string | undefined;
    accessKeySecret: string | undefined;
    token: string | undefined;
    requestsPerSecond: number;
    requestsPerDay: number;
    requestTimeoutMs: number;
    reconcileCron: string;
  };
  webhook: {
    /** PEM or bare base64 SPKI; null when JWT verification is not configured. */
    publicKey: string | undefined;
    urlKey: string | undefined;
    insecure: boolean;
    maxBodyBytes: number;
  };
  /** Analysis engine (src/analysis/): Claude when `apiKey` is set, else the heuristic engine. */
  analysis: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    concurrency: number;
    contextBudgetTokens: number;
    maxOutputTokens: number;
    apiRetries: number;
    assumedRole: "AE" | "SE" | "CSM";
    batchPollSeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function isValidCron(expr: string): boolean {
  try {
    cronParser.parseExpression(expr, { tz: "UTC" });
    return expr.trim().split(/\s+/).length >= 5;
  } catch {
    return false;
  }
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

let dotenvLoaded = false;

/** Loads `.env` from the working directory once, without overriding variables already set. */
export function loadDotEnv(file = path.resolve(".env")): void {
  if (dotenvLoaded) return;
  dotenvLoaded = true;
  if (fs.existsSync(file)) dotenv.config({ path: file, quiet: true });
}

/**
 * Parses and validates configuration. `env` defaults to `process.env` (after `.env` is loaded);
 * tests pass their own object. Throws ConfigError naming every invalid variable.
 */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  if (!env) {
    loadDotEnv();
    env = process.env;
  }
  // An empty value (`PORT=` in .env) means "not set": use the default, never "" or 0.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? "?");
      const shown = (SECRET_KEYS as readonly string[]).includes(key) ? "" : ` (got ${JSON.stringify(env![key])})`;
      return `${key}: ${i.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) {
    throw new ConfigError("DATABASE_URL: must start with postgres:// or postgresql://");
  }
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CALLCOACH_DATA_DIR),
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.CALLCOACH_PUBLIC_URL?.replace(/\/+$/, ""),
    internalDomains: e.CALLCOACH_INTERNAL_DOMAINS,
    defaultRole: e.CALLCOACH_DEFAULT_ROLE,
    clientUrl: e.CALLCOACH_URL?.replace(/\/+$/, ""),
    clientToken: e.CALLCOACH_TOKEN,
    timeZone: e.REVIEW_TZ,
    review: {
      cron: e.REVIEW_CRON,
      analysisBatch: e.REVIEW_ANALYSIS_BATCH,
      waitSeconds: e.REVIEW_WAIT_SECONDS,
      webhookUrl: e.REPORT_WEBHOOK_URL,
      smtpUrl: e.SMTP_URL,
      emailTo: e.REPORT_EMAIL_TO,
      emailFrom: e.REPORT_EMAIL_FROM,
      retrySeconds: e.REPORT_RETRY_SECONDS,
    },
    graphql: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxCost: e.GRAPHQL_MAX_COST,
      maxPageSize: e.GRAPHQL_MAX_PAGE_SIZE,
    },
    demo: e.CALLCOACH_DEMO,
    knowledgeDir: e.CALLCOACH_KNOWLEDGE_DIR ? path.resolve(e.CALLCOACH_KNOWLEDGE_DIR) : knowledgeDir(),
    pgliteMaxConnections: e.PGLITE_MAX_CONNECTIONS,
    poolSize: e.DB_POOL_SIZE,
    gong: {
      baseUrl: e.GONG_API_BASE_URL.replace(/\/+$/, ""),
      accessKey: e.GONG_API_KEY,
      accessKeySecret: e.GONG_API_SECRET,
      token: e.GONG_API_TOKEN,
      requestsPerSecond: e.GONG_REQUESTS_PER_SECOND,
      requestsPerDay: e.GONG_REQUESTS_PER_DAY,
      requestTimeoutMs: e.GONG_REQUEST_TIMEOUT_MS,
      reconcileCron: e.GONG_RECONCILE_CRON,
    },
    webhook: {
      publicKey: e.GONG_WEBHOOK_PUBLIC_KEY,
      urlKey: e.GONG_WEBHOOK_URL_KEY,
      insecure: e.GONG_WEBHOOK_INSECURE,
      maxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES,
    },
    analysis: {
      apiKey: e.ANTHROPIC_API_KEY,
      baseUrl: e.ANTHROPIC_BASE_URL?.replace(/\/+$/, ""),
      model: e.CALLCOACH_MODEL,
      concurrency: e.ANALYSIS_CONCURRENCY,
      contextBudgetTokens: e.ANALYSIS_CONTEXT_BUDGET_TOKENS,
      maxOutputTokens: e.ANALYSIS_MAX_OUTPUT_TOKENS,
      apiRetries: e.ANALYSIS_API_RETRIES,
      assumedRole: e.ANALYSIS_ASSUMED_ROLE,
      batchPollSeconds: e.ANALYSIS_BATCH_POLL_SECONDS,
    },
  });
}

/** Replaces the password of a connection URL with `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "***";
  }
}

/** A log-safe summary of the configuration (secrets redacted). */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    database: config.databaseUrl ? redactUrl(config.databaseUrl) : `embedded PGlite in ${config.dataDir}`,
    host: config.host,
    port: config.port,
    publicUrl: config.publicUrl,
    internalDomains: config.internalDomains,
    timeZone: config.timeZone,
    clientToken: config.clientToken ? "***" : undefined,
    gong: {
      baseUrl: config.gong.baseUrl,
      auth: config.gong.accessKey && config.gong.accessKeySecret ? "basic (***)" : config.gong.token ? "bearer (***)" : "not configured",
      webhook: config.webhook.publicKey ? "signed JWT" : config.webhook.urlKey ? "URL key (***)" : config.webhook.insecure ? "INSECURE" : "not configured",
    },
    analysis: config.analysis.apiKey
      ? { engine: "CLAUDE", model: config.analysis.model, apiKey: "***", baseUrl: config.analysis.baseUrl }
      : { engine: "HEURISTIC (no ANTHROPIC_API_KEY)" },
  };
}

/** Variables and descriptions, for `.env.example` and the README table (kept in sync by a test). */
export function describeEnv(): { name: string; description: string }[] {
  return Object.entries(envSchema.shape).map(([name, schema]) => ({
    name,
    description: (schema as z.ZodType).description ?? "",
  }));
}
