/**
 * A top-level `ID` or `String` argument must be well-formed Unicode. A lone UTF-16 surrogate would reach Neo4j as
 * U+FFFD, so two different ids (`P\uD800`, `P\uD801`) would name one patient.
 * (`submitRecords` checks its records itself, reporting every bad record at once; see `domain/record-validation.ts`.)
 *
 * Installed on the built schema, on the fields that take such arguments only, not as a type-graphql global
 * middleware: a global middleware wraps every field of every type in async dispatch, and a 500-event timeline then
 * spent most of its time allocating promises for plain properties (the bench measured it).
 *
 * @example
 *   guardWellFormedArgs(schema);
 *   query { patient(id: "P\uD800") { id } }   // error BAD_USER_INPUT "patient(id): expected well-formed Unicode, got a lone surrogate"
 */
import {
  defaultFieldResolver, getNamedType, isObjectType, type GraphQLArgument, type GraphQLFieldResolver, type GraphQLSchema,
} from 'graphql';
import { isWellFormedUnicode } from '../../domain/index.js';
import { BadUserInputError } from '../../errors/index.js';

export function guardWellFormedArgs(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const checked = field.args.filter(isTextArgument);
      if (checked.length === 0) continue;
      const check = (args: Record<string, unknown>): void => {
        for (const arg of checked) {
          if (badString(args[arg.name])) {
            throw new BadUserInputError(`${field.name}(${arg.name}): expected well-formed Unicode, got a lone surrogate`, { field: arg.name });
          }
        }
      };
      field.resolve = guarded(field.resolve ?? defaultFieldResolver, check);
      if (field.subscribe) field.subscribe = guarded(field.subscribe, check);
    }
  }
}

function guarded(inner: GraphQLFieldResolver<unknown, unknown>, check: (args: Record<string, unknown>) => void): GraphQLFieldResolver<unknown, unknown> {
  return (source, args: Record<string, unknown>, context, info) => {
    check(args);
    return inner(source, args, context, info);
  };
}

function isTextArgument(arg: GraphQLArgument): boolean {
  const named = getNamedType(arg.type).name;
  return named === 'ID' || named === 'String';
}

function badString(value: unknown): boolean {
  if (typeof value === 'string') return !isWellFormedUnicode(value);
  if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && !isWellFormedUnicode(v));
  return false;
}
