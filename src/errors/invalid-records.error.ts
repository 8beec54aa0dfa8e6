import { OncoError } from './onco-error.js';

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
