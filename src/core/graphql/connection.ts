/**
 * Relay-style connections (`edges { cursor node }`, `pageInfo`, `totalCount`). Cursors are opaque
 * base64url JSON of the sort key, so pages are stable under inserts (keyset pagination).
 */
import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { BadInputError } from "../errors";

@ObjectType({ description: "Where a page sits in a connection." })
export class PageInfo {
  @Field({ description: "True when another page follows this one." })
  hasNextPage: boolean;

  @Field({ description: "Always false: connections are paged forwards only." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge of the page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass it as `after` for the next page." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Resolved only when asked for (it costs a count query). */
  totalCount(): Promise<number>;
}

/** Builds the `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionType<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} and its cursor.` })
  class EdgeType {
    @Field({ description: "Opaque cursor of this edge." })
    cursor: string;

    @Field(() => node, { description: `The ${what}.` })
    node: T;
  }
  void EdgeType;

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: "The edges of this page, in order." })
    edges: Edge<T>[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo: PageInfo;

    countFn: () => Promise<number>;

    @Field(() => Int, { description: `Number of ${what}s matching the query (all pages).` })
    totalCount(): Promise<number> {
      return this.countFn();
    }
  }
  return ConnectionType;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** Decodes a cursor made by `encodeCursor`; `check` validates its shape. */
export function decodeCursor<K extends unknown[]>(cursor: string, check: (k: unknown[]) => k is K): K {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && check(key)) return key;
  } catch {
    // fall through
  }
  throw new BadInputError("INVALID_CURSOR", `"${cursor.slice(0, 40)}" is not a cursor of this connection.`);
}

/** Validates `first` against the page-size cap (default = the cap). */
export function pageSize(first: number | null | undefined, max: number): number {
  if (first === null || first === undefined) return max;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadInputError("INVALID_PAGE_SIZE", `"first" must be between 1 and ${max} (got ${first}).`);
  }
  return first;
}

/** Assembles a connection from `limit + 1` fetched rows. */
export function toConnection<T, C extends ConnectionShape<T>>(
  Type: new () => C,
  rows: T[],
  limit: number,
  cursorOf: (row: T) => string,
  count: () => Promise<number>,
): C {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  const conn = new Type() as C & { countFn: () => Promise<number> };
  conn.edges = edges;
  conn.pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: rows.length > limit,
    hasPreviousPage: false,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
  let memo: Promise<number> | undefined;
  conn.countFn = () => (memo ??= count());
  return conn;
}
