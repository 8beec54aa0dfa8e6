/**
 * type-graphql global middleware: a top-level `ID` or `String` argument must be well-formed Unicode. A lone UTF-16
 * surrogate would reach Neo4j as U+FFFD, so two different ids (`P\uD800`, `P\uD801`) would name one patient.
 * (`submitRecords` checks its records itself, reporting every bad record at once; see `domain/record-validation.ts`.)
 *
 * @example
 *   query { patient(id: "P\uD800") { id } }   // error BAD_USER_INPUT "patient(id): expected well-formed Unicode, got a lone surrogate"
 */
import { getNamedType, type GraphQLField } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { isWellFormedUnicode } from '../../domain/index.js';
import { BadUserInputError } from '../../errors/index.js';

export const wellFormedArgs: MiddlewareFn = ({ args, info }, next) => {
  for (const [name, value] of Object.entries(args)) {
    if (!badString(value)) continue;
    const field = info.parentType.getFields()[info.fieldName] as GraphQLField<unknown, unknown> | undefined;
    const type = field?.args.find((a) => a.name === name)?.type;
    const named = type ? getNamedType(type).name : '';
    if (named === 'ID' || named === 'String') {
      throw new BadUserInputError(`${info.fieldName}(${name}): expected well-formed Unicode, got a lone surrogate`, { field: name });
    }
  }
  return next();
};

function badString(value: unknown): boolean {
  if (typeof value === 'string') return !isWellFormedUnicode(value);
  if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && !isWellFormedUnicode(v));
  return false;
}
