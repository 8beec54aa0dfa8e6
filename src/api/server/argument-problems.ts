/**
 * type-graphql reports failed class-validator checks as one `ArgumentValidationError` with the bare message
 * "Argument Validation Error". This turns its `validationErrors` into field messages:
 *
 * @example
 *   argumentProblems(new ArgumentValidationError([{ property: 'first', constraints: { max: 'first must not be greater than 100' } }]))
 *   // [{ field: 'first', message: 'first must not be greater than 100' }]
 *   describeArgumentProblems(problems)   // 'invalid argument: first must not be greater than 100'
 */
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

export interface ArgumentProblem {
  /** `first`, `records[2].patientId`. */
  field: string;
  message: string;
}

export function findArgumentValidationError(error: unknown): ArgumentValidationError | null {
  for (let current = error, depth = 0; current != null && depth < 5; depth += 1) {
    if (current instanceof ArgumentValidationError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

export function argumentProblems(error: ArgumentValidationError): ArgumentProblem[] {
  const out: ArgumentProblem[] = [];
  const walk = (errors: readonly ValidationError[], prefix: string): void => {
    for (const e of errors) {
      const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix === '' ? e.property : `${prefix}.${e.property}`;
      for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
      walk(e.children ?? [], field);
    }
  };
  walk(error.extensions.validationErrors, '');
  return out;
}

export function describeArgumentProblems(problems: readonly ArgumentProblem[]): string {
  return problems.length === 0 ? 'invalid argument' : `invalid argument: ${problems.map((p) => p.message).join('; ')}`;
}
