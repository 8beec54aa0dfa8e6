/**
 * `CalendarDate`: a calendar day written `YYYY-MM-DD` that exists (`2018-02-28` yes, `2018-02-30` no).
 * Serialised and parsed as the same string; no time zone is involved.
 *
 * @example
 *   parseCalendarDate('2020-02-29')  // '2020-02-29'
 *   parseCalendarDate('2018-02-30')  // throws InvalidDateError (extensions.code INVALID_DATE)
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { InvalidDateError } from '../errors/invalid-date.error.js';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the date unchanged when it is a real `YYYY-MM-DD` day, else throws `InvalidDateError`. */
export function parseCalendarDate(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidDateError(String(value), `expected a string, got ${typeof value}`);
  const match = PATTERN.exec(value);
  if (!match) throw new InvalidDateError(value, 'expected the form YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12) throw new InvalidDateError(value, 'no such month');
  if (day < 1 || day > daysInMonth(year, month)) throw new InvalidDateError(value, `month ${month} of ${year} has ${daysInMonth(year, month)} days`);
  return value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'CalendarDate',
  description: 'A calendar day `YYYY-MM-DD` that exists (2018-02-30 is rejected with code INVALID_DATE). No time zone.',
  serialize: (value) => parseCalendarDate(value),
  parseValue: (value) => parseCalendarDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new InvalidDateError(String('value' in ast ? ast.value : ast.kind), 'expected a string literal');
    return parseCalendarDate(ast.value);
  },
});
