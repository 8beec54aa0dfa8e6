/**
 * What a client may see of an error. Platform errors (`OncoError`, found anywhere in the `originalError` chain) keep
 * their own code, even where Apollo would relabel them (an impossible date written inline in the query is a validation
 * error to Apollo, but the client still gets `INVALID_DATE`). GraphQL errors that carry a code (validation,
 * type-graphql's argument errors) pass through. Anything else is an internal failure whose message could reveal
 * internals: the client gets `INTERNAL_SERVER_ERROR` and the log gets the error's class and code, never its message.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isOncoError, type OncoError } from '../errors/onco-error.js';

export type Log = (message: string) => void;


export function maskError(formatted: GraphQLFormattedError, error: unknown, log: Log): GraphQLFormattedError {
  const onco = findOncoError(error);
  if (onco) return { ...formatted, extensions: { ...formatted.extensions, ...onco.extensions } };
  // A GraphQLError of its own (syntax, validation, type-graphql's argument errors) or wrapping one is client-facing;
  // one wrapping a plain Error (a driver failure, a bug) is not.
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (error instanceof GraphQLError && (original == null || original instanceof GraphQLError)) return formatted;
  const name = original instanceof Error ? original.name : typeof original;
  const detail = (original as { code?: unknown } | null | undefined)?.code;
  log(`graphql: internal error ${name}${typeof detail === 'string' ? ` (${detail})` : ''} at ${formatted.path?.join('.') ?? '-'}`);
  return { message: 'internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function findOncoError(error: unknown): OncoError | null {
  for (let current = error, depth = 0; current != null && depth < 5; depth += 1) {
    if (isOncoError(current)) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}
