/**
 * Whether a value is an existing calendar day written `YYYY-MM-DD`, the form every date of the platform is stored in
 * (so string order is date order). No time zone is involved.
 *
 * @example
 *   isValidCalendarDate('2020-02-29')  // true
 *   isValidCalendarDate('2018-02-30')  // false
 *   parseCalendarDate('2018-02-30')    // throws InvalidDateError (code INVALID_DATE)
 */
import { InvalidDateError } from '../errors/index.js';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function isValidCalendarDate(value: unknown): value is string {
  return calendarDateProblem(value) === null;
}

/** Null for a real `YYYY-MM-DD` day, else what is wrong with it (for error messages). */
export function calendarDateProblem(value: unknown): string | null {
  if (typeof value !== 'string') return `expected a string, got ${typeof value}`;
  const match = PATTERN.exec(value);
  if (!match) return 'expected the form YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12) return 'no such month';
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `month ${month} of ${year} has ${days} days`;
  return null;
}

/** Returns the date unchanged when it is a real `YYYY-MM-DD` day, else throws `InvalidDateError`. */
export function parseCalendarDate(value: unknown): string {
  const problem = calendarDateProblem(value);
  if (problem !== null) throw new InvalidDateError(String(value), problem);
  return value as string;
}
