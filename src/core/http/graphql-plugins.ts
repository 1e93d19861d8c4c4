/** Apollo plugins: query limits, operation metrics. (The WebSocket path applies the same limits itself.) */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { checkLimits, type QueryLimits } from "../graphql/limits";
import type { GraphQLContext } from "../graphql/context";
import type { Metrics } from "./metrics";

export function limitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          const errors = checkLimits(schema, document, limits, request.variables, operationName);
          if (errors.length) {
            const e = errors[0];
            throw new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          end({
            operation: operationName ?? "anonymous",
            type: operation?.operation ?? "unknown",
            outcome: errors?.length ? "error" : "ok",
          });
        },
      };
    },
  };
}
