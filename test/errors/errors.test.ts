import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isOncoError, NotFoundError, TextTooLongError } from '../../src/errors/index.js';

describe('OncoError', () => {
  it('carries a literal code, a name and client-safe details', () => {
    const error = new TextTooLongError('r1', 30001, 20000);
    expect(error.code).toBe('TEXT_TOO_LONG');
    expect(error.name).toBe('TextTooLongError');
    expect(error.message).toBe("record 'r1': text has 30001 characters, expected at most 20000");
    expect(isOncoError(error)).toBe(true);
    expect(isOncoError(error, 'NOT_FOUND')).toBe(false);
    expect(isOncoError(new Error('x'))).toBe(false);
  });

  it('hands its code to the GraphQLError that graphql-js wraps it in', () => {
    const wrapped = new GraphQLError('x', { originalError: new NotFoundError('Job', 'j1') });
    expect(wrapped.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Job', id: 'j1' });
  });
});
