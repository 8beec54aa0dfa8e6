import { OncoError } from './onco-error.js';

/** A `submitRecords` call whose texts together exceed `MAX_CHARS_PER_CALL` (code points): split it into smaller calls. */
export class TooManyCharsError extends OncoError<'TOO_MANY_CHARS'> {
  readonly code = 'TOO_MANY_CHARS' as const;
  constructor(count: number, limit: number) {
    super(`the call's texts have ${count} characters in all, expected at most ${limit} per call`, { count, limit });
  }
}
