import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError } from '../../src/api/server/error-mask.js';
import { InvalidDateError } from '../../src/errors/index.js';

describe('maskError', () => {
  const logs: string[] = [];
  const log = (m: string): void => {
    logs.push(m);
  };

  it('keeps platform errors and their code, even under a relabelled wrapper', () => {
    const inner = new GraphQLError('bad date', { originalError: new InvalidDateError('2018-02-30', 'no such day') });
    const apollo = new GraphQLError('bad date', { originalError: inner, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const masked = maskError(apollo.toJSON(), apollo, log);
    expect(masked.extensions?.['code']).toBe('INVALID_DATE');
  });

  it('passes GraphQL-level errors through', () => {
    const validation = new GraphQLError('Cannot query field "x" on type "Query".');
    expect(maskError(validation.toJSON(), validation, log)).toEqual(validation.toJSON());
  });

  it('hides internal failures from the client and logs only their class and code', () => {
    const cause = Object.assign(new Error('connection to 10.0.0.3 refused; text 患者女'), { code: 'ServiceUnavailable' });
    const wrapped = new GraphQLError(cause.message, { originalError: cause, path: ['patient'] });
    expect(maskError(wrapped.toJSON(), wrapped, log)).toEqual({
      message: 'internal error', path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logs.at(-1)).toBe('graphql: internal error Error (ServiceUnavailable) at patient');
  });
});

describe('maskError: no bare "Argument Validation Error", no echoed values', () => {
  const log = (): void => undefined;

  it('turns type-graphql argument validation into field messages', async () => {
    const { ArgumentValidationError } = await import('type-graphql');
    const error = new ArgumentValidationError([
      { property: 'first', constraints: { max: 'first must not be greater than 100' }, children: [] },
    ] as never);
    const wrapped = new GraphQLError(error.message, { originalError: error, path: ['jobs'] });
    const masked = maskError(wrapped.toJSON(), wrapped, log);
    expect(masked.message).toBe('invalid argument: first must not be greater than 100');
    expect(masked.extensions).toEqual({ code: 'BAD_USER_INPUT', problems: [{ field: 'first', message: 'first must not be greater than 100' }] });
  });

  it('removes the caller\'s values from coercion and validation messages', () => {
    const text = '患者女，52岁，因发现左乳肿物3月余入院';
    const coercion = new GraphQLError(
      `Variable "$t" got invalid value ["${text}"] at "t.records[2].text"; String cannot represent a non string value: ["${text}"]`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
    const masked = maskError(coercion.toJSON(), coercion, log);
    expect(masked.message).toBe('Variable "$t" has an invalid value at "t.records[2].text": String cannot represent a non string value');
    expect(masked.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 2, field: 'text' });
    const literal = new GraphQLError(`Expected value of type "String!", found ["${text}"]; String cannot represent a non string value: ["${text}"]`);
    expect(maskError(literal.toJSON(), literal, log).message).toBe('Expected value of type "String!", found an invalid value.');
    const other = new GraphQLError(`Unknown thing "${text}${text}"`);
    expect(maskError(other.toJSON(), other, log).message).not.toContain(text);
  });

  it('labels the parser\'s token limit TOO_MANY_TOKENS', () => {
    const error = new GraphQLError('Syntax Error: Document contains more that 2000 tokens. Parsing aborted.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(maskError(error.toJSON(), error, log).extensions).toMatchObject({ code: 'TOO_MANY_TOKENS', limit: 2000 });
  });
});
