/**
 * The baseline of the throughput benchmark: a bare Apollo Server 5 on express 5 (the same
 * integration call-coach uses) with a trivial schema, no auth, no plugins, no database.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";

export interface BareServer {
  /** GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql */
  url: string;
  close(): Promise<void>;
}

export async function startBareServer(): Promise<BareServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    typeDefs: /* GraphQL */ `
      type Query {
        ok: Boolean
      }
    `,
    resolvers: { Query: { ok: () => true } },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.use("/graphql", express.json(), expressMiddleware(apollo));
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close() {
      closing ??= (async () => {
        await apollo.stop(); // drains and closes the HTTP server
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })();
      return closing;
    },
  };
}
