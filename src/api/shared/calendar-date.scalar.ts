/**
 * `CalendarDate`: a calendar day written `YYYY-MM-DD` that exists (`2018-02-28` yes, `2018-02-30` no).
 * Serialised and parsed as the same string; no time zone is involved.
 * The rule is domain/'s `parseCalendarDate` (also used by record validation and the CLI).
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { parseCalendarDate } from '../../domain/index.js';
import { InvalidDateError } from '../../errors/index.js';

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
