import DataLoader from "dataloader";
import type { SearchService } from "./search.service";
import type { CallSearchSnippet } from "./search.types";

/** Request-scoped loaders of the search module: one snippet statement per search text and page. */
export function createSearchLoaders(service: SearchService) {
  const byText = new Map<string, DataLoader<string, CallSearchSnippet[]>>();
  return {
    /** Highlighted matching segments of calls (keys: call ids of search hits) for one search text. */
    searchSnippetsByCall(text: string): DataLoader<string, CallSearchSnippet[]> {
      let loader = byText.get(text);
      if (!loader) {
        loader = new DataLoader((ids) => service.snippets(ids, text));
        byText.set(text, loader);
      }
      return loader;
    },
  };
}
export type SearchLoaders = ReturnType<typeof createSearchLoaders>;
