/**
 * The errors the platform raises on purpose, in one module: `OncoError` (a literal `code`, client-safe `details`,
 * and the `extensions` GraphQL reports), its subclasses, and `ErrorCode`, the union of their codes. The API turns
 * them into GraphQL error codes (`api/server/error-mask.ts`); the NER engine and the concept index add their own subclasses
 * (`ner/errors.ts`, `normalise/errors.ts`).
 */

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

/** An HTTP request that is not a GraphQL request we can read (malformed JSON, wrong content type, a subscription over HTTP). */
export class BadRequestError extends OncoError<'BAD_REQUEST'> {
  readonly code = 'BAD_REQUEST' as const;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** Generic invalid argument (a bad cursor, a `first` out of range, `from` after `to`). */
export class BadUserInputError extends OncoError<'BAD_USER_INPUT'> {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** A cohort query ran past its time budget; Neo4j terminated its transaction, so nothing is left running. */
export class CohortTimeoutError extends OncoError<'COHORT_TIMEOUT'> {
  readonly code = 'COHORT_TIMEOUT' as const;
  constructor(timeoutMs: number, cause: unknown) {
    super(`cohort query cancelled after its time budget of ${timeoutMs} ms; narrow the criteria`, { timeoutMs }, { cause });
  }
}

/** Cohort criteria nested deeper, or with more nodes, than the limits allow (src/cohort/cohort.limits.ts). */
export class CohortTooComplexError extends OncoError<'COHORT_TOO_COMPLEX'> {
  readonly code = 'COHORT_TOO_COMPLEX' as const;
  constructor(what: 'depth' | 'nodes', limit: number, got: number) {
    const noun = what === 'depth' ? 'criteria nesting depth' : 'criteria nodes';
    super(`${noun}: expected at most ${limit}, got ${got}${what === 'depth' ? ' or more' : ''}`, { limit, got, what });
  }
}

/** The environment does not describe a runnable platform; `problems` lists every bad variable at once. */
export class ConfigInvalidError extends OncoError<'CONFIG_INVALID'> {
  readonly code = 'CONFIG_INVALID' as const;
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`, { problems: [...problems] });
  }
}

/** The same `recordId` appears twice in one `submitRecords` call. (Re-submitting it in a later call is idempotent.) */
export class DuplicateRecordIdError extends OncoError<'DUPLICATE_RECORD_ID'> {
  readonly code = 'DUPLICATE_RECORD_ID' as const;
  constructor(recordId: string, firstIndex: number, secondIndex: number) {
    super(`record id '${recordId}' appears at positions ${firstIndex} and ${secondIndex}; expected unique ids per call`, {
      recordId,
      indexes: [firstIndex, secondIndex],
    });
  }
}

/** A record (or an `extract` call) whose text is empty or only whitespace. */
export class EmptyTextError extends OncoError<'EMPTY_TEXT'> {
  readonly code = 'EMPTY_TEXT' as const;
  constructor(recordId: string | null) {
    super(recordId === null ? 'text is empty' : `record '${recordId}': text is empty`, { recordId });
  }
}

/** The caller's role lacks a permission the field needs (`Record.text` for a researcher, `submitRecords`, …). */
export class ForbiddenError extends OncoError<'FORBIDDEN'> {
  readonly code = 'FORBIDDEN' as const;
  constructor(role: string, field: string, needs: readonly string[]) {
    super(`forbidden: role '${role}' may not read or run '${field}' (needs ${needs.join(', ')})`, { role, field, needs: [...needs] });
  }
}

/** A value that is not an existing calendar date `YYYY-MM-DD` (`2018-02-30`, `2018-3-1`, `yesterday`). */
export class InvalidDateError extends OncoError<'INVALID_DATE'> {
  readonly code = 'INVALID_DATE' as const;
  constructor(value: string, reason: string) {
    super(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 20))}: ${reason}`, { value: value.slice(0, 20) });
  }
}

/** Codes a single record of a `submitRecords` call can be rejected with. */
export type RecordProblemCode =
  | 'EMPTY_TEXT' | 'TEXT_TOO_LONG' | 'INVALID_DATE' | 'DUPLICATE_RECORD_ID' | 'RECORD_PATIENT_MISMATCH' | 'BAD_USER_INPUT';

/** One problem of one record: where (`records[index].field`), what (`code`), and why (never the record's text). */
export interface RecordProblem {
  index: number;
  field: 'patientId' | 'recordId' | 'kind' | 'recordedAt' | 'text';
  code: RecordProblemCode;
  message: string;
}

/**
 * Every problem of a rejected `submitRecords` call, reported at once. `code` is the first problem's code (so a call
 * with one bad record reads as before: EMPTY_TEXT, INVALID_DATE, ...); `extensions.problems` lists all of them.
 *
 * @example
 *   new InvalidRecordsError([{ index: 2, field: 'text', code: 'EMPTY_TEXT', message: 'text has no visible character' }], 3)
 *   // message "1 of 3 records rejected: records[2].text EMPTY_TEXT: text has no visible character"
 */
export class InvalidRecordsError extends OncoError<RecordProblemCode> {
  readonly code: RecordProblemCode;
  readonly problems: readonly RecordProblem[];

  constructor(problems: readonly RecordProblem[], total: number) {
    if (problems.length === 0) throw new TypeError('problems: expected at least one, got 0');
    const rejected = new Set(problems.map((p) => p.index)).size;
    const shown = problems.slice(0, 5).map((p) => `records[${p.index}].${p.field} ${p.code}: ${p.message}`).join('; ');
    const more = problems.length > 5 ? `; and ${problems.length - 5} more (see extensions.problems)` : '';
    super(`${rejected} of ${total} records rejected: ${shown}${more}`, { problems: problems.map((p) => ({ ...p })) });
    this.code = problems[0]!.code;
    this.problems = problems;
  }
}

/** An id that names nothing, where the operation needs it to exist (`jobProgress(jobId)`). */
export class NotFoundError extends OncoError<'NOT_FOUND'> {
  readonly code = 'NOT_FOUND' as const;
  constructor(entity: string, id: string) {
    super(`${entity} '${id}' not found`, { entity, id });
  }
}

/** A request body over the platform's limit (derived from MAX_CHARS_PER_CALL; README § Configuration). */
export class PayloadTooLargeError extends OncoError<'PAYLOAD_TOO_LARGE'> {
  readonly code = 'PAYLOAD_TOO_LARGE' as const;
  constructor(limitBytes: number) {
    super(`request body too large, expected at most ${limitBytes} bytes`, { limit: limitBytes });
  }
}

/** Which GraphQL document limit a request broke (see `src/api/server/query-limits.ts`). */
export type QueryLimitCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COSTLY' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_TOKENS';

/**
 * A query rejected before execution because its document is too deep, too costly, or too large.
 *
 * @example
 *   new QueryLimitError('QUERY_TOO_DEEP', 10)   // "query rejected: QUERY_TOO_DEEP (limit 10)", extensions { code, limit }
 */
export class QueryLimitError extends OncoError<QueryLimitCode> {
  constructor(readonly code: QueryLimitCode, limit: number, found?: number) {
    super(`query rejected: ${DESCRIPTIONS[code]} (limit ${limit}${found === undefined ? '' : `, found ${found}`})`,
      found === undefined ? { limit } : { limit, found });
  }
}

const DESCRIPTIONS: Readonly<Record<QueryLimitCode, string>> = {
  QUERY_TOO_DEEP: 'selections are nested too deeply',
  QUERY_TOO_COSTLY: 'the query would cost too much',
  TOO_MANY_ALIASES: 'too many aliases',
  TOO_MANY_DIRECTIVES: 'too many directives',
  TOO_MANY_TOKENS: 'the document has too many tokens',
};

/**
 * One operation would return more list items (records, timeline events, entities, time expressions) than
 * `MAX_RESULT_ITEMS`. Ask for fewer: narrow `timeline(from, to, types)`, query fewer patients or nested lists.
 */
export class ResultTooLargeError extends OncoError<'RESULT_TOO_LARGE'> {
  readonly code = 'RESULT_TOO_LARGE' as const;
  constructor(field: string, limit: number) {
    super(`${field}: the operation would return more than ${limit} list items; narrow it (timeline from/to/types, fewer nested lists)`,
      { field, limit });
  }
}

/**
 * Neo4j does not answer (stopped, restarting, unreachable), or the platform is shutting down. Raised within
 * `NEO4J_TIMEOUT_MS`, never after a minute; clients may retry later. Jobs pause and resume by themselves.
 */
export class ServiceUnavailableError extends OncoError<'SERVICE_UNAVAILABLE'> {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  constructor(reason: 'neo4j unavailable' | 'shutting down', options?: { cause?: unknown }) {
    super(reason === 'neo4j unavailable'
      ? 'the graph database is unavailable; try again shortly'
      : 'the platform is shutting down; try again shortly', { reason }, options);
  }
}

/**
 * The embedded Neo4j's Bolt port is answered by a Neo4j whose store is not `<DATA_DIR>/neo4j` (its `StoreOwner`
 * token differs from the one in DATA_DIR), e.g. another user's platform on a shared machine. The platform refuses to
 * write into it.
 */
export class StoreNotOursError extends OncoError<'NEO4J_STORE_NOT_OURS'> {
  readonly code = 'NEO4J_STORE_NOT_OURS' as const;
  constructor(uri: string, storeDir: string) {
    super(`a Neo4j already answers on ${uri}, but its store is not ${storeDir}; refusing to use it. ` +
      'Stop that Neo4j, choose a free NEO4J_BOLT_PORT, or set NEO4J_URI to use it on purpose.', { uri });
  }
}

/** A text longer than `MAX_RECORD_CHARS` (counted in Unicode code points). */
export class TextTooLongError extends OncoError<'TEXT_TOO_LONG'> {
  readonly code = 'TEXT_TOO_LONG' as const;
  constructor(recordId: string | null, length: number, limit: number) {
    const who = recordId === null ? 'text' : `record '${recordId}': text`;
    super(`${who} has ${length} characters, expected at most ${limit}`, { recordId, length, limit });
  }
}

/** A `submitRecords` call whose texts together exceed `MAX_CHARS_PER_CALL` (code points): split it into smaller calls. */
export class TooManyCharsError extends OncoError<'TOO_MANY_CHARS'> {
  readonly code = 'TOO_MANY_CHARS' as const;
  constructor(count: number, limit: number) {
    super(`the call's texts have ${count} characters in all, expected at most ${limit} per call`, { count, limit });
  }
}

/** More records in one call than `MAX_RECORDS_PER_CALL` allows, or none at all. */
export class TooManyRecordsError extends OncoError<'TOO_MANY_RECORDS'> {
  readonly code = 'TOO_MANY_RECORDS' as const;
  constructor(count: number, limit: number) {
    super(`got ${count} records, expected 1 to ${limit} per call`, { count, limit });
  }
}

/** A WebSocket connection already runs `limit` operations (`MAX_SUBSCRIPTIONS_PER_CONNECTION`). */
export class TooManySubscriptionsError extends OncoError<'TOO_MANY_SUBSCRIPTIONS'> {
  readonly code = 'TOO_MANY_SUBSCRIPTIONS' as const;
  constructor(limit: number) {
    super(`too many operations on this connection: at most ${limit} at once; complete one or open another connection`, { limit });
  }
}

/** No API key, or one that matches no configured key, where keys are configured (`API_KEYS` / `API_KEYS_FILE`). */
export class UnauthenticatedError extends OncoError<'UNAUTHENTICATED'> {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(reason: 'missing' | 'invalid') {
    super(reason === 'missing'
      ? 'authentication required: send Authorization: Bearer <API key> (WebSocket: connection_init payload { authorization })'
      : 'authentication failed: the API key matches no configured key');
  }
}

/** Every error class of this module. */
export type PlatformError =
  | BadRequestError
  | BadUserInputError
  | CohortTimeoutError
  | CohortTooComplexError
  | ConfigInvalidError
  | DuplicateRecordIdError
  | EmptyTextError
  | ForbiddenError
  | InvalidDateError
  | InvalidRecordsError
  | NotFoundError
  | PayloadTooLargeError
  | QueryLimitError
  | ResultTooLargeError
  | ServiceUnavailableError
  | StoreNotOursError
  | TextTooLongError
  | TooManyCharsError
  | TooManyRecordsError
  | TooManySubscriptionsError
  | UnauthenticatedError;

/** Every code those errors carry: `extensions.code` of a GraphQL error, the `code` of a CLI failure. */
export type ErrorCode = PlatformError['code'];
