/**
 * Checks a `submitRecords` call against the configured limits before anything is stored.
 * The first problem found is thrown as a typed error; a rejected call changes nothing.
 * (Date validity is enforced earlier, by the `CalendarDate` scalar; it is re-checked here for callers outside GraphQL.)
 *
 * @example
 *   validateRecords([{ recordId: 'r1', text: '  ', ... }], limits)   // throws EmptyTextError (EMPTY_TEXT)
 */
import type { LimitsConfig } from '../config/config.js';
import type { ClinicalRecord } from '../domain/record.js';
import { BadUserInputError } from '../errors/bad-user-input.error.js';
import { DuplicateRecordIdError } from '../errors/duplicate-record-id.error.js';
import { EmptyTextError } from '../errors/empty-text.error.js';
import { TextTooLongError } from '../errors/text-too-long.error.js';
import { TooManyRecordsError } from '../errors/too-many-records.error.js';
import { parseCalendarDate } from './calendar-date.scalar.js';

const MAX_ID_LENGTH = 200;

export function validateRecords(records: readonly ClinicalRecord[], limits: LimitsConfig): void {
  if (records.length === 0 || records.length > limits.maxRecordsPerCall) {
    throw new TooManyRecordsError(records.length, limits.maxRecordsPerCall);
  }
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    validateId('patientId', record.patientId, index);
    validateId('recordId', record.recordId, index);
    const first = seen.get(record.recordId);
    if (first !== undefined) throw new DuplicateRecordIdError(record.recordId, first, index);
    seen.set(record.recordId, index);
    parseCalendarDate(record.recordedAt);
    validateText(record.text, record.recordId, limits.maxRecordChars);
  });
}

/** Text rules shared by `submitRecords` and `extract`: not blank, at most `maxChars` code points. */
export function validateText(text: string, recordId: string | null, maxChars: number): void {
  if (text.trim() === '') throw new EmptyTextError(recordId);
  if (text.length > maxChars) {
    const codePoints = countCodePoints(text);
    if (codePoints > maxChars) throw new TextTooLongError(recordId, codePoints, maxChars);
  }
}

function validateId(field: 'patientId' | 'recordId', id: string, index: number): void {
  if (id.trim() === '' || id.length > MAX_ID_LENGTH || id !== id.trim()) {
    throw new BadUserInputError(
      `records[${index}].${field}: expected 1..${MAX_ID_LENGTH} characters without surrounding spaces, got ${id.length} characters`,
      { index, field },
    );
  }
}

function countCodePoints(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
