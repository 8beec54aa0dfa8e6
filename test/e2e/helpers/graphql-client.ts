/**
 * Minimal GraphQL clients for end-to-end tests: HTTP via fetch, subscriptions via graphql-ws.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export async function gql<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Like `gql` but fails the test on any error. */
export async function gqlData<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await gql<T>(url, query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** A connected graphql-ws client (resolves once the server acknowledged the connection). */
export async function wsClient(wsUrl: string): Promise<Client> {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
  await new Promise<void>((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      resolve();
    });
    client.on('error', reject);
  });
  return client;
}

/** Collects subscription results until the server completes it or `until` holds for a payload. */
export async function collect<T>(
  iterator: AsyncIterableIterator<{ data?: unknown; errors?: unknown }>,
  until: (payload: T) => boolean = () => false,
  timeoutMs = 300_000,
): Promise<T[]> {
  const out: T[] = [];
  const timer = setTimeout(() => void iterator.return?.(), timeoutMs);
  try {
    for await (const result of iterator) {
      if (result.errors) throw new Error(`subscription errors: ${JSON.stringify(result.errors)}`);
      out.push(result.data as T);
      if (until(result.data as T)) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return out;
}
