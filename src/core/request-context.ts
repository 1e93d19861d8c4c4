/**
 * The id of the HTTP request being served, available anywhere below the request middleware
 * (e.g. in Apollo's formatError, which gets no context) through AsyncLocalStorage.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export const requestStore = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string | undefined => requestStore.getStore()?.requestId;
