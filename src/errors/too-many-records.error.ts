import { OncoError } from './onco-error.js';

/** More records in one call than `MAX_RECORDS_PER_CALL` allows, or none at all. */
export class TooManyRecordsError extends OncoError<'TOO_MANY_RECORDS'> {
  readonly code = 'TOO_MANY_RECORDS' as const;
  constructor(count: number, limit: number) {
    super(`got ${count} records, expected 1 to ${limit} per call`, { count, limit });
  }
}
