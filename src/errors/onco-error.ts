/**
 * Base class of every error the platform raises on purpose.
 *
 * `code` is a literal, machine-readable string (`EMPTY_TEXT`, `NOT_FOUND`, `CONFIG_INVALID`, ...).
 * `extensions` mirrors it in the shape graphql-js copies from an original error onto the `GraphQLError` it wraps,
 * so a resolver can simply `throw new NotFoundError(...)` and the client sees `extensions.code === 'NOT_FOUND'`.
 *
 * @example
 *   throw new NotFoundError('Job', 'j-42');
 *   // → GraphQL error { message: "Job 'j-42' not found", extensions: { code: 'NOT_FOUND', entity: 'Job', id: 'j-42' } }
 */
export abstract class OncoError<C extends string = string> extends Error {
  abstract readonly code: C;
  /** Extra, client-safe context (ids, limits, counts; never record text). */
  readonly details: Readonly<Record<string, unknown>>;

  protected constructor(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.details = Object.freeze({ ...details });
  }

  /** graphql-js copies `originalError.extensions` onto the wrapping `GraphQLError`. */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

/** Type guard for any platform error, with an optional code check. */
export function isOncoError(value: unknown, code?: string): value is OncoError {
  return value instanceof OncoError && (code === undefined || value.code === code);
}
