import { OncoError } from './onco-error.js';

/** A text longer than `MAX_RECORD_CHARS` (counted in Unicode code points). */
export class TextTooLongError extends OncoError<'TEXT_TOO_LONG'> {
  readonly code = 'TEXT_TOO_LONG' as const;
  constructor(recordId: string | null, length: number, limit: number) {
    const who = recordId === null ? 'text' : `record '${recordId}': text`;
    super(`${who} has ${length} characters, expected at most ${limit}`, { recordId, length, limit });
  }
}
