import { OncoError } from './onco-error.js';

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
