/**
 * The typed call-coach client: `execute(client, Document, variables)` posts one operation from
 * clients/operations (as a typed document generated into clients/generated) to `<url>/graphql`
 * with the bearer token. Variables are required exactly when the operation has required ones.
 * GraphQL errors become a `CallCoachClientError` carrying `code` and `reason`.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export interface ClientOptions {
  /** Server base URL, e.g. http://127.0.0.1:4000 (`/graphql` is appended). */
  url: string;
  /** API token (`callcoach token create`). */
  token: string;
  /** Request timeout in ms (default 30000). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export class CallCoachClientError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly reason: string | undefined,
    readonly errors: GraphQLErrorPayload[],
    readonly status?: number,
  ) {
    super(message);
    this.name = "CallCoachClientError";
  }
}

type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export async function execute<R, V>(
  client: ClientOptions,
  document: TypedDocumentNode<R, V>,
  ...[variables]: VariablesArg<V>
): Promise<R> {
  const doFetch = client.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(`${client.url.replace(/\/+$/, "")}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        authorization: `Bearer ${client.token}`,
      },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
      signal: AbortSignal.timeout(client.timeoutMs ?? 30_000),
    });
  } catch (err) {
    throw new CallCoachClientError(
      `Cannot reach call-coach at ${client.url}: ${(err as Error).message}`,
      "UNREACHABLE",
      undefined,
      [],
    );
  }
  let body: { data?: R | null; errors?: GraphQLErrorPayload[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new CallCoachClientError(`call-coach answered HTTP ${res.status} without a GraphQL body`, "BAD_RESPONSE", undefined, [], res.status);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new CallCoachClientError(
      first.message,
      first.extensions?.code ?? "UNKNOWN",
      first.extensions?.reason,
      body.errors,
      res.status,
    );
  }
  if (!body.data) throw new CallCoachClientError("call-coach returned no data", "BAD_RESPONSE", undefined, [], res.status);
  return body.data;
}

export * from "./generated/graphql";
