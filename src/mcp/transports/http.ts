/**
 * Streamable HTTP transport (`callcoach mcp --http`), stateless: every POST /mcp gets its own MCP
 * server bound to the caller's bearer token, which is forwarded to GraphQL, so each caller sees
 * exactly what their token may see. Before any MCP work a request must pass, in order:
 * the path (/mcp, else 404); the method (POST; GET and DELETE answer 405, as there are no sessions);
 * the `Origin` header, when present, must be an allowed origin (403 — DNS-rebinding protection);
 * a bearer token (401 with `WWW-Authenticate`), checked against the API (the `Viewer` query, cached
 * for a minute); a body of at most `maxBodyBytes` (413) that parses as JSON (400).
 * Binds 127.0.0.1 unless told otherwise.
 */
import http from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallCoachClientError, execute, ViewerDocument } from "../../../clients/execute";
import type { Logger } from "../../core/logger";
import { createMcpServer } from "../server";

export const MCP_PATH = "/mcp";
export const DEFAULT_MCP_BODY_BYTES = 1024 * 1024;

export interface McpHttpOptions {
  /** The GraphQL API's base URL. */
  apiUrl: string;
  host: string;
  port: number;
  logger: Logger;
  /** Origins browsers may call from, besides this server's own loopback origins. */
  allowedOrigins?: string[];
  maxBodyBytes?: number;
}

export interface RunningMcpHttp {
  url: string;
  close(): Promise<void>;
}

function jsonRpcError(res: http.ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}

/** Reads the body up to `limit` bytes; null when it is larger (the rest is not read). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** Remembers for a minute which tokens the API accepted, so a session costs one check per minute. */
class TokenCheck {
  private readonly ok = new Map<string, number>();
  constructor(private readonly apiUrl: string) {}

  async accepted(token: string): Promise<{ ok: true } | { ok: false; status: number; message: string }> {
    const key = crypto.createHash("sha256").update(token).digest("hex");
    const until = this.ok.get(key);
    if (until && until > Date.now()) return { ok: true };
    try {
      await execute({ url: this.apiUrl, token, timeoutMs: 10_000 }, ViewerDocument);
    } catch (err) {
      if (err instanceof CallCoachClientError && err.code === "UNAUTHENTICATED") {
        return { ok: false, status: 401, message: "The bearer token was not accepted by call-coach (wrong, revoked or expired)." };
      }
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, status: 502, message: `call-coach's API could not check the token: ${message}` };
    }
    if (this.ok.size > 10_000) this.ok.clear();
    this.ok.set(key, Date.now() + 60_000);
    return { ok: true };
  }
}

export async function startMcpHttp(opts: McpHttpOptions): Promise<RunningMcpHttp> {
  const { logger } = opts;
  const limit = opts.maxBodyBytes ?? DEFAULT_MCP_BODY_BYTES;
  const tokens = new TokenCheck(opts.apiUrl);
  const allowed = new Set((opts.allowedOrigins ?? []).map((o) => o.replace(/\/+$/, "")));

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      logger.error({ err }, "MCP HTTP request failed");
      jsonRpcError(res, 500, -32603, "Internal error");
    });
  });

  const ownOrigins = (): string[] => {
    const port = (server.address() as AddressInfo).port;
    return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== MCP_PATH) return jsonRpcError(res, 404, -32601, `Not found: the MCP endpoint is ${MCP_PATH}`);
    if (req.method !== "POST") {
      return jsonRpcError(res, 405, -32000, "Method not allowed: this server is stateless; send JSON-RPC with POST.", { allow: "POST" });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.has(origin) && !ownOrigins().includes(origin)) {
      logger.warn({ origin }, "MCP request refused: Origin not allowed");
      return jsonRpcError(res, 403, -32000, `Origin ${origin} is not allowed (add it with --allowed-origin).`);
    }
    const auth = req.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!match) {
      return jsonRpcError(res, 401, -32001, "A bearer token is required: send `Authorization: Bearer <call-coach API token>`.", {
        "www-authenticate": 'Bearer realm="call-coach"',
      });
    }
    const token = match[1];
    const verdict = await tokens.accepted(token);
    if (!verdict.ok) {
      return jsonRpcError(res, verdict.status, -32001, verdict.message, verdict.status === 401 ? { "www-authenticate": 'Bearer realm="call-coach", error="invalid_token"' } : {});
    }
    const raw = await readBody(req, limit);
    if (raw === null) {
      res.setHeader("connection", "close");
      return jsonRpcError(res, 413, -32600, `Request body larger than ${limit} bytes.`);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch (err) {
      return jsonRpcError(res, 400, -32700, `Parse error: ${(err as Error).message}`);
    }
    const mcp = createMcpServer({ client: { url: opts.apiUrl, token }, logger });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}${MCP_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
