import { OncoError } from './onco-error.js';

/** A WebSocket connection already runs `limit` operations (`MAX_SUBSCRIPTIONS_PER_CONNECTION`). */
export class TooManySubscriptionsError extends OncoError<'TOO_MANY_SUBSCRIPTIONS'> {
  readonly code = 'TOO_MANY_SUBSCRIPTIONS' as const;
  constructor(limit: number) {
    super(`too many operations on this connection: at most ${limit} at once; complete one or open another connection`, { limit });
  }
}
