/**
 * `CalendarDate`: a calendar day written `YYYY-MM-DD` that exists (`2018-02-28` yes, `2018-02-30` no).
 * Serialised and parsed as the same string; no time zone is involved.
 *
 * @example
 *   parseCalendarDate('2020-02-29')  // '2020-02-29'
 *   parseCalendarDate('2018-02-30')  // throws InvalidDateError (extensions.code INVALID_DATE)
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { calendarDateProblem } from '../domain/index.js';
import { InvalidDateError } from '../errors/index.js';

/** Returns the date unchanged when it is a real `YYYY-MM-DD` day, else throws `InvalidDateError`. */
export function parseCalendarDate(value: unknown): string {
  const problem = calendarDateProblem(value);
  if (problem !== null) throw new InvalidDateError(String(value), problem);
  return value as string;
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
