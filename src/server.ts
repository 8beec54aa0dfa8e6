/**
 * One HTTP server for the platform: express 5 + Apollo Server 5 on `POST /graphql`, graphql-ws on the same path
 * (WebSocket upgrade), and `GET /healthz`.
 *
 * @example
 *   const server = await startServer({ schema, services, pubsub, host: '127.0.0.1', port: 4000 });
 *   server.url  // 'http://127.0.0.1:4000/graphql'
 *   await server.close();   // stops accepting, ends subscriptions, drains requests
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { CoalescingPubSub } from './api/coalescing-pubsub.js';
import { createContext, type ApiContext } from './api/context.js';
import { maskError, type Log } from './api/error-mask.js';
import type { ApiServices } from './api/services.js';
import { mountWebAssets } from './web-assets.js';

export interface ServerOptions {
  schema: GraphQLSchema;
  services: ApiServices;
  pubsub: CoalescingPubSub;
  host: string;
  port: number;
  log?: Log;
}

export interface PlatformServer {
  /** `http://host:port/graphql` (the WebSocket URL is the same with `ws://`). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<PlatformServer> {
  const { schema, services, pubsub } = options;
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const app = express();
  const http: Server = createServer(app);

  const wsServer = new WebSocketServer({ server: http, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { apiContext?: ApiContext }>(
    {
      schema,
      context: () => createContext(services, pubsub),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e, log)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => maskError(e.toJSON(), e, log)),
    },
    wsServer,
  );

  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError: (formatted, error) => maskError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // main.ts owns shutdown; Apollo's handler would re-raise the signal mid-drain
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      ApolloServerPluginLandingPageDisabled(), // Sandbox loads from a CDN; GET /graphql in a browser is GraphiQL (web-assets.ts)
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
    ],
  });
  await apollo.start();

  const bodyLimit = Math.min(services.limits.maxRecordsPerCall * services.limits.maxRecordChars * 4 + 1_000_000, 256_000_000);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  mountWebAssets(app); // viewer at /, GraphiQL for browsers at GET /graphql: before Apollo, which answers the rest
  app.use('/graphql', express.json({ limit: bodyLimit }), expressMiddleware(apollo, {
    context: async () => createContext(services, pubsub),
  }));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    close() {
      closing ??= (async () => {
        pubsub.closeAll(); // completes open subscriptions so the WebSocket drain does not wait on them
        await apollo.stop(); // drains HTTP, disposes graphql-ws
        wsServer.close();
      })();
      return closing;
    },
  };
}
