import { OncoError } from './onco-error.js';

/** No API key, or one that matches no configured key, where keys are configured (`API_KEYS` / `API_KEYS_FILE`). */
export class UnauthenticatedError extends OncoError<'UNAUTHENTICATED'> {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(reason: 'missing' | 'invalid') {
    super(reason === 'missing'
      ? 'authentication required: send Authorization: Bearer <API key> (WebSocket: connection_init payload { authorization })'
      : 'authentication failed: the API key matches no configured key');
  }
}
