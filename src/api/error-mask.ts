/**
 * What a client may see of an error. Platform errors (`OncoError`) and GraphQL errors that carry a code
 * (validation, type-graphql's argument errors) pass through; anything else is an internal failure whose message
 * could reveal internals, so the client gets `INTERNAL_SERVER_ERROR` and the log gets the error's class and code only.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isOncoError } from '../errors/onco-error.js';

export type Log = (message: string) => void;

const INTERNAL = 'INTERNAL_SERVER_ERROR';

export function maskError(formatted: GraphQLFormattedError, error: unknown, log: Log): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
  if (isOncoError(original)) return formatted;
  const code = formatted.extensions?.['code'];
  if (original instanceof GraphQLError && typeof code === 'string' && code !== INTERNAL) return formatted;
  if (!(original instanceof Error) || original instanceof GraphQLError) {
    if (typeof code === 'string' && code !== INTERNAL) return formatted;
  }
  const name = original instanceof Error ? original.name : typeof original;
  const detail = (original as { code?: unknown } | null)?.code;
  log(`graphql: internal error ${name}${typeof detail === 'string' ? ` (${detail})` : ''} at ${formatted.path?.join('.') ?? '-'}`);
  return { message: 'internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: INTERNAL } };
}
