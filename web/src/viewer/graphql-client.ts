/**
 * The page's GraphQL transport, same origin as the page: queries over `POST /graphql`, subscriptions over graphql-ws on
 * the same path. One WebSocket for the page, opened on the first subscription and kept open (graphql-ws retries a lost
 * connection with backoff, so a restarted platform resumes the live view by itself).
 *
 * @example
 *   const api = createGraphQLClient(location);
 *   const { patient } = await api.request<{ patient: { id: string } }>('query ($id: ID!) { patient(id: $id) { id } }', { id: 'P001' });
 *   const stop = api.subscribe('subscription { extractionEvents { job { id } } }', {}, (data) => …);
 */
import { createClient, type Client } from 'graphql-ws';

export interface GraphQLErrorItem {
  message: string;
  extensions?: { code?: string };
}

/** A response with `errors` (or a transport failure), with the first message and code for display. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly code: string | null,
    readonly errors: readonly GraphQLErrorItem[],
  ) {
    super(message);
  }
}

export type ConnectionState = 'connecting' | 'live' | 'offline';

export interface GraphQLClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Calls `onData` for every result; returns the unsubscribe function. */
  subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError?: (error: Error) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

export function createGraphQLClient(location: Pick<Location, 'protocol' | 'host'>): GraphQLClient {
  const httpUrl = `${location.protocol}//${location.host}/graphql`;
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const listeners = new Set<(state: ConnectionState) => void>();
  const emit = (state: ConnectionState): void => listeners.forEach((listener) => listener(state));
  let ws: Client | null = null;
  const socket = (): Client => {
    ws ??= createClient({
      url: wsUrl,
      lazy: true,
      keepAlive: 20_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      on: { connecting: () => emit('connecting'), connected: () => emit('live'), closed: () => emit('offline') },
    });
    return ws;
  };

  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      let response: Response;
      try {
        response = await fetch(httpUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
          body: JSON.stringify({ query, variables }),
        });
      } catch (error) {
        throw new GraphQLRequestError(`the platform does not answer (${error instanceof Error ? error.message : String(error)})`, null, []);
      }
      const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: GraphQLErrorItem[] } | null;
      if (body === null) throw new GraphQLRequestError(`expected a GraphQL JSON response, got HTTP ${response.status}`, null, []);
      if (body.errors?.length) {
        const first = body.errors[0]!;
        throw new GraphQLRequestError(first.message, first.extensions?.code ?? null, body.errors);
      }
      return body.data as T;
    },

    subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError?: (error: Error) => void): () => void {
      return socket().subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            if (result.errors?.length) {
              const first = result.errors[0]!;
              onError?.(new GraphQLRequestError(first.message, (first.extensions?.['code'] as string | undefined) ?? null, result.errors));
            } else if (result.data) onData(result.data as T);
          },
          error: (error) => onError?.(error instanceof Error ? error : new Error(describeCloseEvent(error))),
          complete: () => undefined,
        },
      );
    },

    onConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function describeCloseEvent(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as { code: unknown; reason?: unknown };
    return `connection closed (${String(code)}${reason ? `: ${String(reason)}` : ''})`;
  }
  return 'subscription failed';
}
