/**
 * Query limits applied to every operation, on HTTP (Apollo plugin) and on the WebSocket path
 * (graphql-ws onSubscribe), where Apollo plugins do not run: selection depth and aliases
 * (graphql-armor rules) and an estimated cost (graphql-query-complexity) in which a connection's
 * children count `first` times.
 */
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
} from "graphql";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxPageSize: number;
}

/** Assumed length of a plain (non-connection) list field, e.g. Call.participants. */
export const ASSUMED_LIST_LENGTH = 5;

function pageEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ args, field, type: parent, childComplexity }) => {
    // A connection's `first` already counts its edges; the edges list itself adds no factor.
    if (parent.name.endsWith("Connection") && field.name === "edges") return 1 + childComplexity;
    const type = getNullableType(field.type);
    const named = getNamedType(field.type).name;
    if (named.endsWith("Connection")) {
      const first = typeof args.first === "number" ? args.first : maxPageSize;
      return 1 + childComplexity * Math.max(1, first);
    }
    if (isListType(type)) return 1 + childComplexity * ASSUMED_LIST_LENGTH;
    return undefined;
  };
}

function limitError(message: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", reason } });
}

const report = (ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err);

/** Validation rules for depth and aliases (usable wherever `validate` runs). */
export function limitRules(limits: QueryLimits) {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      exposeLimits: true,
      onReject: [report],
      propagateOnRejection: false,
    }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, onReject: [report], propagateOnRejection: false }),
  ];
}

/** Returns the estimated cost of an operation. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [pageEstimator(limits.maxPageSize), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * All limit violations of an operation (empty when it may run). Depth and alias errors carry
 * reason QUERY_TOO_DEEP / TOO_MANY_ALIASES, cost errors QUERY_TOO_COSTLY.
 */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): GraphQLError[] {
  const errors = validate(schema, document, limitRules(limits)).map((e) => {
    const message = e.message.replace(/^Syntax Error: /, "");
    return /aliases/i.test(message) ? limitError(message, "TOO_MANY_ALIASES") : limitError(message, "QUERY_TOO_DEEP");
  });
  if (errors.length) return errors;
  let cost: number;
  try {
    cost = operationCost(schema, document, limits, variables, operationName);
  } catch (err) {
    // Unknown operation name or bad variables: let execution report it in the standard way.
    void err;
    return [];
  }
  if (cost > limits.maxCost) {
    return [
      limitError(
        `Query is too costly: estimated cost ${cost} exceeds the limit of ${limits.maxCost}. Ask for fewer items (smaller "first") or fewer fields.`,
        "QUERY_TOO_COSTLY",
      ),
    ];
  }
  return [];
}
