/**
 * One HTTP server for the platform: express 5 + Apollo Server 5 on `POST /graphql`, graphql-ws on the same path
 * (WebSocket upgrade), `GET /healthz` (liveness) and `GET /readyz` (Neo4j and the model answer).
 *
 * Every document passes the query limits (`api/server/query-limits.ts`) over both transports; bodies are capped
 * (`bodyLimitBytes`) and every HTTP-level failure is a JSON GraphQL error (`api/server/http-errors.ts`), never an HTML page.
 *
 * Access control (src/auth): with API keys configured, HTTP needs `Authorization: Bearer <key>` (else 401
 * `UNAUTHENTICATED`) and a WebSocket needs `{ authorization: 'Bearer <key>' }` in `connection_init` (else close 4401);
 * fields check the key's role (`FORBIDDEN`). A WebSocket upgrade from a browser `Origin` not on the allow-list is
 * refused (403), each connection runs at most `maxSubscriptionsPerConnection` operations, and every operation that
 * read a patient writes an audit line (ids only).
 *
 * Shutdown is in steps so the composition root can put the job service between them (main.ts):
 * `stopAccepting()` (new requests, upgrades and operations get SERVICE_UNAVAILABLE; running requests finish) →
 * … jobs stop … → `closeSubscriptions()` (every subscription completes, every socket closes with 1001 Going Away)
 * → `close()`.
 *
 * @example
 *   const server = await startServer({ schema, services, pubsub, host: '127.0.0.1', port: 4000, query });
 *   server.url  // 'http://127.0.0.1:4000/graphql'
 *   await server.stopAccepting();  await jobs.stop();  await server.closeSubscriptions();  await server.close();
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  writeAudit, principalOf, requireApiKey, type CoalescingPubSub, createContext, type ApiContext, maskError,
  installHttpErrorHandlers, requireJsonBody, noSubscriptionOverHttp, apolloQueryLimits, checkWsOperation,
  queryLimitRules, type Readiness, RequestGate, type ApiServices,
} from './api/index.js';
import { authenticate, allowedOrigins, originAllowed, OPEN_PRINCIPAL, type Principal } from './auth/index.js';
import type { AccessConfig, LimitsConfig, QueryLimitsConfig } from './config/index.js';
import { ServiceUnavailableError, TooManySubscriptionsError } from './errors/index.js';
import { stderrLog, type Log } from './log/index.js';
import { mountWebAssets } from './web-assets.js';

export interface ServerOptions {
  schema: GraphQLSchema;
  services: ApiServices;
  pubsub: CoalescingPubSub;
  host: string;
  port: number;
  /** Document and result limits; default `DEFAULT_QUERY_LIMITS`. */
  query?: QueryLimitsConfig;
  /** `/readyz`; absent: ready whenever the server accepts requests. */
  readiness?: Readiness;
  /** API keys, WebSocket origins, subscriptions per connection; default `OPEN_ACCESS` (loopback development). */
  access?: AccessConfig;
  log?: Log;
}

export interface PlatformServer {
  /** `http://host:port/graphql` (the WebSocket URL is the same with `ws://`). */
  readonly url: string;
  readonly port: number;
  /** Refuses new requests, upgrades and operations; waits up to `graceMs` for HTTP requests in flight. */
  stopAccepting(graceMs?: number): Promise<{ cutRequests: number }>;
  /** Completes every subscription, then closes every WebSocket with 1001 Going Away. */
  closeSubscriptions(): Promise<{ subscriptions: number; connections: number }>;
  /** All of the above, then stops Apollo. Idempotent. */
  close(): Promise<void>;
}

export const DEFAULT_QUERY_LIMITS: QueryLimitsConfig = Object.freeze({
  maxDepth: 10, maxAliases: 15, maxDirectives: 10, maxCost: 5000, maxTokens: 2000, maxResultItems: 20_000,
});

/** No keys (every caller is admin), the server's own origins, 100 operations per WebSocket. */
export const OPEN_ACCESS: AccessConfig = Object.freeze({ keys: [], allowedOrigins: null, maxSubscriptionsPerConnection: 100 });

/**
 * Largest accepted body: a full call (MAX_CHARS_PER_CALL characters, each up to 6 bytes as a JSON `\uXXXX` escape,
 * plus ~2 KB of fields per record) and 1 MB for the document. Default limits: about 5 MB.
 */
export function bodyLimitBytes(limits: LimitsConfig): number {
  return limits.maxCharsPerCall * 6 + limits.maxRecordsPerCall * 2048 + 1_000_000;
}

export async function startServer(options: ServerOptions): Promise<PlatformServer> {
  const { schema, services, pubsub } = options;
  const query = options.query ?? DEFAULT_QUERY_LIMITS;
  const log = options.log ?? stderrLog;
  const access = options.access ?? OPEN_ACCESS;
  const context = (principal: Principal): ApiContext => createContext(services, pubsub, query.maxResultItems, principal);
  const gate = new RequestGate();
  const app = express();
  const http: Server = createServer(app);

  const wsServer = new WebSocketServer({
    server: http,
    path: '/graphql',
    verifyClient: (info, done) => {
      if (!gate.accepting) return done(false, 503, 'shutting down');
      // The port is known only after listen (PORT=0), so the default list is built on first use.
      origins ??= allowedOrigins(access.allowedOrigins, options.host, (http.address() as AddressInfo).port);
      if (!originAllowed(origins, info.req.headers.origin)) {
        log(`websocket: refused upgrade from origin not allowed (${JSON.stringify(String(info.req.headers.origin).slice(0, 100))})`);
        return done(false, 403, 'origin not allowed');
      }
      done(true);
    },
  });
  let origins: ReadonlySet<string> | null = null;
  const wsRules = queryLimitRules(query);
  const operations = new OperationCounter(); // graphql-ws operations whose `complete` is not sent yet
  const wsCleanup = useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      schema,
      context: (ctx) => context(ctx.extra.principal ?? OPEN_PRINCIPAL),
      onConnect: (ctx) => {
        if (access.keys.length === 0) return true;
        const params = ctx.connectionParams ?? {};
        const result = authenticate(access.keys, params['authorization'] ?? params['Authorization']);
        if (typeof result === 'string') {
          ctx.extra.socket.close(4401, result === 'missing' ? 'Unauthorized: API key required' : 'Unauthorized: invalid API key');
          return false;
        }
        ctx.extra.principal = result;
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        if (!gate.accepting) {
          const error = new ServiceUnavailableError('shutting down');
          return [new GraphQLError(error.message, { originalError: error })];
        }
        // ctx.subscriptions already holds this operation's id
        if (Object.keys(ctx.subscriptions).length > access.maxSubscriptionsPerConnection) {
          const error = new TooManySubscriptionsError(access.maxSubscriptionsPerConnection);
          return [new GraphQLError(error.message, { originalError: error, extensions: error.extensions })];
        }
        const checked = checkWsOperation(schema, payload.query, query, wsRules);
        if ('errors' in checked) return checked.errors.map((e) => maskedGraphQLError(e, log));
        operations.started();
        return {
          schema,
          document: checked.document,
          variableValues: payload.variables ?? null,
          operationName: payload.operationName ?? null,
        };
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        writeAudit(log, args.contextValue as ApiContext | undefined, args.document, args.operationName);
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e, log)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => maskError(e.toJSON(), e, log)),
      onComplete: () => operations.finished(),
    },
    wsServer,
  );

  const limits = apolloQueryLimits(query);
  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError: (formatted, error) => maskError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
    persistedQueries: false,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts owns shutdown; Apollo's handler would re-raise the signal mid-drain
    validationRules: [...limits.validationRules, noSubscriptionOverHttp],
    parseOptions: limits.parseOptions,
    // Sandbox loads from a CDN (unreachable on hospital networks); browsers get GraphiQL from web-assets.ts instead.
    plugins: [
      ...limits.plugins,
      ApolloServerPluginLandingPageDisabled(),
      { requestDidStart: async () => ({ willSendResponse: async (rc) => writeAudit(log, rc.contextValue, rc.document, rc.operationName) }) },
    ],
  });
  await apollo.start();

  const bodyLimit = bodyLimitBytes(services.limits);
  app.disable('x-powered-by');
  app.use(gate.middleware());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const report = options.readiness
      ? await options.readiness.report()
      : { ready: gate.accepting, checks: {} };
    res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'unavailable', ...report });
  });
  mountWebAssets(app); // viewer at /, GraphiQL for browsers at GET /graphql: before Apollo, which answers the rest
  app.use('/graphql', express.json({ limit: bodyLimit }), requireJsonBody(), requireApiKey(access.keys),
    expressMiddleware(apollo, { context: async ({ res }) => context(principalOf(res)) }));
  installHttpErrorHandlers(app, log, bodyLimit); // keep last: 404 and JSON error pages for everything above

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  let stopping: Promise<{ cutRequests: number }> | null = null;
  let closingSubscriptions: Promise<{ subscriptions: number; connections: number }> | null = null;
  let closing: Promise<void> | null = null;
  const server: PlatformServer = {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    stopAccepting(graceMs = 2000) {
      stopping ??= (async () => {
        gate.close();
        options.readiness?.markStopping();
        http.close(); // no new connections; open WebSockets keep it from calling back until closeSubscriptions
        http.closeIdleConnections();
        return { cutRequests: await gate.drained(graceMs) };
      })();
      return stopping;
    },
    closeSubscriptions() {
      closingSubscriptions ??= (async () => {
        const counts = { subscriptions: pubsub.subscriberCount, connections: wsServer.clients.size };
        pubsub.closeAll(); // every subscription completes…
        await operations.none(1000); // …and its `complete` message is sent (graphql-ws sends it right after onComplete)
        await new Promise((resolve) => setImmediate(resolve));
        await wsCleanup.dispose(); // then every socket closes with 1001 Going Away
        return counts;
      })();
      return closingSubscriptions;
    },
    close() {
      closing ??= (async () => {
        await server.stopAccepting();
        await server.closeSubscriptions();
        await apollo.stop();
        http.closeAllConnections();
      })();
      return closing;
    },
  };
  return server;
}

/** Counts running WebSocket operations so shutdown can wait until their completions are sent. */
class OperationCounter {
  private running = 0;
  private waiters: Array<() => void> = [];

  started(): void {
    this.running += 1;
  }

  finished(): void {
    this.running = Math.max(0, this.running - 1);
    if (this.running === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves when none is running, or after `timeoutMs`. */
  async none(timeoutMs: number): Promise<void> {
    if (this.running === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
}

/** graphql-ws sends onSubscribe's errors as they are: apply the same mask as everywhere else. */
function maskedGraphQLError(error: GraphQLError, log: Log): GraphQLError {
  const masked = maskError(error.toJSON(), error, log);
  return new GraphQLError(masked.message, { extensions: masked.extensions ?? {} });
}
