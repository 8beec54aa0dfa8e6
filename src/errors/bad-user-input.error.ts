import { OncoError } from './onco-error.js';

/** Generic invalid argument (a bad cursor, a `first` out of range, `from` after `to`). */
export class BadUserInputError extends OncoError<'BAD_USER_INPUT'> {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}
