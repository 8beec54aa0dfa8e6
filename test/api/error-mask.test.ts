import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError } from '../../src/api/error-mask.js';
import { InvalidDateError } from '../../src/errors/invalid-date.error.js';

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
