import { OncoError } from '../errors/index.js';

/**
 * Errors raised by the concept normaliser: an `OncoError` with a literal `code`, keeping the underlying `cause`.
 * Messages name what was expected and what arrived, never record text beyond a short quoted prefix of a bad argument.
 */
export type NormaliseErrorCode =
  | 'CONCEPT_INDEX_LOAD_FAILED' // index folder missing, unreadable, or not in the expected format
  | 'BAD_USER_INPUT'; // e.g. normalise('FOO', '…'), lookup('ICD11', 'C50'), a 5,000-character "mention"

export class NormaliseError extends OncoError<NormaliseErrorCode> {
  readonly code: NormaliseErrorCode;

  constructor(code: NormaliseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, {}, options);
    this.code = code;
  }
}

/** Type guard: `isNormaliseError(err) && err.code === 'CONCEPT_INDEX_LOAD_FAILED'`. */
export function isNormaliseError(value: unknown): value is NormaliseError {
  return value instanceof NormaliseError;
}
