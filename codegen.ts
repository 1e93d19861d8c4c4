/**
 * graphql-codegen: reads the committed schema (schema/schema.graphql, emitted by type-graphql) and
 * the operations in clients/operations/, and writes typed documents to clients/generated/.
 * Run `npm run codegen`; CI fails when schema/ or clients/ are stale (scripts/check-codegen.sh).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["clients/operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "clients/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false, gqlTagName: "graphql" },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTimeISO: "string", DateTime: "string", JSONObject: "Record<string, unknown>", LocalDate: "string" },
      },
    },
  },
};

export default config;
