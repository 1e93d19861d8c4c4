/** One Gong API client per process, created on first use from the configuration. */
import type { App } from "../core/app";
import { gongClientFromConfig, type GongClient } from "./client";

const clients = new WeakMap<App, GongClient>();

export function gongClientFor(app: App): GongClient {
  let client = clients.get(app);
  if (!client) {
    client = gongClientFromConfig(app.config, app.db.dataSource, app.logger);
    clients.set(app, client);
  }
  return client;
}
