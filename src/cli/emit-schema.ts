/** Writes schema/schema.graphql from the type-graphql resolvers (`npm run codegen` runs this first). */
import "reflect-metadata";
import { writeSchemaFile } from "../core/graphql/schema";

writeSchemaFile()
  .then((file) => console.log(`wrote ${file}`))
  .catch((err) => {
    console.error(`emit-schema: ${(err as Error).message}`);
    process.exit(1);
  });
