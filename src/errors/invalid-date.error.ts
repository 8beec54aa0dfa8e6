import { OncoError } from './onco-error.js';

/** A value that is not an existing calendar date `YYYY-MM-DD` (`2018-02-30`, `2018-3-1`, `yesterday`). */
export class InvalidDateError extends OncoError<'INVALID_DATE'> {
  readonly code = 'INVALID_DATE' as const;
  constructor(value: string, reason: string) {
    super(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 20))}: ${reason}`, { value: value.slice(0, 20) });
  }
}
