import { OncoError } from './onco-error.js';

/** A record (or an `extract` call) whose text is empty or only whitespace. */
export class EmptyTextError extends OncoError<'EMPTY_TEXT'> {
  readonly code = 'EMPTY_TEXT' as const;
  constructor(recordId: string | null) {
    super(recordId === null ? 'text is empty' : `record '${recordId}': text is empty`, { recordId });
  }
}
