import { OncoError } from './onco-error.js';

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
