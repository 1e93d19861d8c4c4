/**
 * Cursor paging of Gong list endpoints. A `GongPaged` is lazy: nothing is requested until it is
 * iterated. Each iteration starts again from the first page (Gong's cursors expire quickly, so they
 * are never kept between runs).
 */
import { GongPaginationError } from "./client-errors";
import type { GongRecords } from "./gong-types";

export interface GongPage<T> {
  items: T[];
  /** Gong's `records` (totalRecords, currentPageNumber, cursor when more pages remain). */
  records: GongRecords | null | undefined;
  requestId: string | null | undefined;
  /** 0 for the first page. */
  pageIndex: number;
}

/** Fetches one page; `cursor` undefined for the first. Resolves null for an empty result (Gong's 404 "No calls found"). */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<Omit<GongPage<T>, "pageIndex"> | null>;

export class GongPaged<T> implements AsyncIterable<GongPage<T>> {
  constructor(
    private readonly fetchPage: PageFetcher<T>,
    /** `METHOD /path`, for error messages. */
    readonly endpoint: string,
  ) {}

  /** Pages in order; stops when Gong sends no cursor. Throws GongPaginationError if a cursor repeats. */
  async *[Symbol.asyncIterator](): AsyncGenerator<GongPage<T>, void, undefined> {
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let pageIndex = 0; ; pageIndex++) {
      const page = await this.fetchPage(cursor);
      if (!page) return;
      yield { ...page, pageIndex };
      const next = page.records?.cursor;
      if (!next) return;
      if (seen.has(next)) {
        throw new GongPaginationError(
          `Gong ${this.endpoint} returned a cursor it had already returned (after page ${pageIndex + 1}); stopping instead of looping.`,
          { endpoint: this.endpoint, requestId: page.requestId ?? undefined },
        );
      }
      seen.add(next);
      cursor = next;
    }
  }

  /** The records of every page, one by one. */
  async *items(): AsyncGenerator<T, void, undefined> {
    for await (const page of this) yield* page.items;
  }

  /** Every record of every page, in order. */
  async collect(): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this) all.push(...page.items);
    return all;
  }
}

/** A `GongPaged` that yields nothing and sends no request. */
export function emptyPaged<T>(endpoint: string): GongPaged<T> {
  return new GongPaged<T>(async () => null, endpoint);
}
