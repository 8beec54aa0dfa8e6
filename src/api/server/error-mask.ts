/**
 * What a client may see of an error. Platform errors (`OncoError`, found anywhere in the `originalError` chain) keep
 * their own code, even where Apollo would relabel them (an impossible date written inline in the query is a validation
 * error to Apollo, but the client still gets `INVALID_DATE`). type-graphql's bare "Argument Validation Error" becomes
 * field messages (`argument-problems.ts`). GraphQL errors that carry a code (syntax, validation, coercion) pass
 * through with the caller's values removed from the message (`redact-values.ts`: they may quote record text).
 * Anything else is an internal failure whose message could reveal internals: the client gets
 * `INTERNAL_SERVER_ERROR` and the log gets the error's class and code, never its message.
 *
 * @example
 *   maskError(new GraphQLError('x', { originalError: new NotFoundError('Job', 'j1') }).toJSON(), error, log)
 *   // { message: "Job 'j1' not found", extensions: { code: 'NOT_FOUND', entity: 'Job', id: 'j1' } }
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isOncoError, type OncoError } from '../../errors/index.js';
import type { Log } from '../../log/index.js';
import { argumentProblems, describeArgumentProblems, findArgumentValidationError } from './argument-problems.js';
import { tokenLimitDetails } from './query-limits.js';
import { pathDetails, redactValues } from './redact-values.js';


export function maskError(formatted: GraphQLFormattedError, error: unknown, log: Log): GraphQLFormattedError {
  const onco = findOncoError(error);
  if (onco) {
    const message = error instanceof GraphQLError && formatted.message.startsWith('Variable "$') ? redactValues(formatted.message) : onco.message;
    return { ...formatted, message, extensions: { ...formatted.extensions, ...onco.extensions, ...pathDetails(formatted.message) } };
  }
  const validation = findArgumentValidationError(error);
  if (validation) {
    const problems = argumentProblems(validation);
    const { validationErrors: _raw, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: describeArgumentProblems(problems), extensions: { ...extensions, code: 'BAD_USER_INPUT', problems } };
  }
  // A GraphQLError of its own (syntax, validation, coercion, Apollo's request errors) or wrapping one is
  // client-facing; one wrapping a plain Error (a driver failure, a bug) is not.
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (error instanceof GraphQLError && (original == null || original instanceof GraphQLError)) {
    const tokens = tokenLimitDetails(formatted.message);
    const extensions = { ...formatted.extensions, ...pathDetails(formatted.message), ...tokens };
    return {
      ...formatted,
      message: tokens ? `query rejected: the document has too many tokens (limit ${tokens.limit})` : redactValues(formatted.message),
      ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
    };
  }
  const name = original instanceof Error ? original.name : typeof original;
  const detail = (original as { code?: unknown } | null | undefined)?.code;
  log(`graphql: internal error ${name}${typeof detail === 'string' && /^[\w.]{1,80}$/.test(detail) ? ` (${detail})` : ''} at ${
    formatted.path?.join('.') ?? '-'}`);
  return { message: 'internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function findOncoError(error: unknown): OncoError | null {
  for (let current = error, depth = 0; current != null && depth < 5; depth += 1) {
    if (isOncoError(current)) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}
