import { OncoError } from './onco-error.js';

/** An HTTP request that is not a GraphQL request we can read (malformed JSON, wrong content type, a subscription over HTTP). */
export class BadRequestError extends OncoError<'BAD_REQUEST'> {
  readonly code = 'BAD_REQUEST' as const;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}
