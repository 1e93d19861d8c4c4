/** Prometheus metrics (prom-client): process defaults, HTTP and GraphQL operation histograms. */
import client from "prom-client";

export interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<"method" | "route" | "status">;
  graphqlDuration: client.Histogram<"operation" | "type" | "outcome">;
  webhookDeliveries: client.Counter<"outcome">;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "callcoach_" });
  const httpDuration = new client.Histogram({
    name: "callcoach_http_request_duration_seconds",
    help: "HTTP request duration in seconds, by method, route and status.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const graphqlDuration = new client.Histogram({
    name: "callcoach_graphql_operation_duration_seconds",
    help: "GraphQL operation duration in seconds, by operation name, type and outcome (ok or error).",
    labelNames: ["operation", "type", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const webhookDeliveries = new client.Counter({
    name: "callcoach_webhook_deliveries_total",
    help: "Gong webhook deliveries by outcome: queued, duplicate, test, or a rejection (unauthorized, malformed, too_large, not_configured, unavailable).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  return { registry, httpDuration, graphqlDuration, webhookDeliveries };
}
