/**
 * Checks a `submitRecords` call against the configured limits before anything is stored, and reports every problem
 * of every record at once (`InvalidRecordsError`, `extensions.problems`: index, field, code, message). Messages name
 * positions and limits, never a record's text or ids. A rejected call changes nothing.
 * The API (`submitRecords`, `extract`) and the CLI (`ingest`) both call it, so the rules live here, below both.
 * (Date validity is enforced earlier in GraphQL, by the `CalendarDate` scalar; it is checked here for every caller.)
 *
 * Order: the call's size (TOO_MANY_RECORDS), then every record's problems, then the call's character budget
 * (TOO_MANY_CHARS, `MAX_CHARS_PER_CALL`).
 *
 * @example
 *   validateRecords([{ recordId: 'r1', text: '\u200B', ... }, { recordId: 'r1', recordedAt: '2018-02-30', ... }], limits)
 *   // throws InvalidRecordsError (code EMPTY_TEXT) with problems
 *   //   [{ index: 0, field: 'text', code: 'EMPTY_TEXT', ... }, { index: 1, field: 'recordId', code: 'DUPLICATE_RECORD_ID', ... },
 *   //    { index: 1, field: 'recordedAt', code: 'INVALID_DATE', ... }]
 */
import {
  BadUserInputError, EmptyTextError, InvalidRecordsError, type RecordProblem, isOncoError, TextTooLongError,
  TooManyCharsError, TooManyRecordsError,
} from '../errors/index.js';
import { parseCalendarDate } from './calendar-date.js';
import { RECORD_KINDS, type ClinicalRecord } from './record.js';
import { countCodePoints, hasControlCharacter, hasVisibleCharacter, isWellFormedUnicode } from './text-checks.js';

/** The limits a call is checked against (`LimitsConfig` in config/ has them). */
export interface RecordLimits {
  readonly maxRecordsPerCall: number;
  readonly maxRecordChars: number;
  readonly maxCharsPerCall: number;
}

export const MAX_ID_LENGTH = 200;

type Problem = Pick<RecordProblem, 'code' | 'message'>;

export function validateRecords(records: readonly ClinicalRecord[], limits: RecordLimits): void {
  if (records.length === 0 || records.length > limits.maxRecordsPerCall) {
    throw new TooManyRecordsError(records.length, limits.maxRecordsPerCall);
  }
  const problems: RecordProblem[] = [];
  const firstIndexOf = new Map<string, number>();
  records.forEach((record, index) => {
    const add = (field: RecordProblem['field'], problem: Problem | null): void => {
      if (problem) problems.push({ index, field, ...problem });
    };
    add('patientId', idProblem(record.patientId));
    const recordIdProblem = idProblem(record.recordId);
    add('recordId', recordIdProblem);
    if (!recordIdProblem) {
      const first = firstIndexOf.get(record.recordId);
      if (first === undefined) firstIndexOf.set(record.recordId, index);
      else add('recordId', { code: 'DUPLICATE_RECORD_ID', message: `the same record id as records[${first}]; expected unique ids per call` });
    }
    if (!(RECORD_KINDS as readonly string[]).includes(record.kind)) {
      add('kind', { code: 'BAD_USER_INPUT', message: `expected one of ${RECORD_KINDS.join(', ')}` });
    }
    add('recordedAt', dateProblem(record.recordedAt));
    add('text', textProblem(record.text, limits.maxRecordChars));
  });
  if (problems.length > 0) throw new InvalidRecordsError(problems, records.length);

  let chars = 0;
  for (const record of records) chars += record.text.length; // UTF-16 units ≥ code points: count exactly only when close
  if (chars > limits.maxCharsPerCall) {
    chars = records.reduce((sum, r) => sum + countCodePoints(r.text), 0);
    if (chars > limits.maxCharsPerCall) throw new TooManyCharsError(chars, limits.maxCharsPerCall);
  }
}

/** Text rules shared by `submitRecords` and `extract`: well-formed, a visible character, at most `maxChars` code points. */
export function validateText(text: string, recordId: string | null, maxChars: number): void {
  const problem = textProblem(text, maxChars);
  if (!problem) return;
  if (problem.code === 'EMPTY_TEXT') throw new EmptyTextError(recordId);
  if (problem.code === 'TEXT_TOO_LONG') throw new TextTooLongError(recordId, countCodePoints(text), maxChars);
  throw new BadUserInputError(`text: ${problem.message}`, { field: 'text' });
}

export function textProblem(text: string, maxChars: number): Problem | null {
  if (typeof text !== 'string') return { code: 'BAD_USER_INPUT', message: `expected a string, got ${typeof text}` };
  if (!isWellFormedUnicode(text)) return { code: 'BAD_USER_INPUT', message: 'expected well-formed Unicode, got a lone surrogate' };
  if (!hasVisibleCharacter(text)) {
    return { code: 'EMPTY_TEXT', message: 'text has no visible character (only whitespace, zero-width or control characters)' };
  }
  if (text.length > maxChars) {
    const length = countCodePoints(text);
    if (length > maxChars) return { code: 'TEXT_TOO_LONG', message: `text has ${length} characters, expected at most ${maxChars}` };
  }
  return null;
}

/** Ids: 1..200 characters, no surrounding spaces, no control characters, well-formed Unicode. */
export function idProblem(id: string): Problem | null {
  if (typeof id !== 'string') return { code: 'BAD_USER_INPUT', message: `expected a string, got ${typeof id}` };
  if (!isWellFormedUnicode(id)) return { code: 'BAD_USER_INPUT', message: 'expected well-formed Unicode, got a lone surrogate' };
  if (id.trim() === '' || id.length > MAX_ID_LENGTH || id !== id.trim() || hasControlCharacter(id)) {
    return {
      code: 'BAD_USER_INPUT',
      message: `expected 1..${MAX_ID_LENGTH} characters without surrounding spaces or control characters, got ${id.length} characters`,
    };
  }
  return null;
}

function dateProblem(value: string): Problem | null {
  try {
    parseCalendarDate(value);
    return null;
  } catch (error) {
    if (isOncoError(error, 'INVALID_DATE')) return { code: 'INVALID_DATE', message: error.message };
    throw error;
  }
}
