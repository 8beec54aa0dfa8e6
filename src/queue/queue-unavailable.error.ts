import { OncoError } from '../errors/index.js';

/**
 * Redis (the work queue and event broker of a multi-process deployment) did not answer in time. Raised at start-up
 * (the process exits 1 naming REDIS_URL's host) and by operations that cannot go on without it; clients may retry.
 */
export class QueueUnavailableError extends OncoError<'QUEUE_UNAVAILABLE'> {
  readonly code = 'QUEUE_UNAVAILABLE' as const;
  constructor(where: string, options?: { cause?: unknown }) {
    super(`the job queue (Redis at ${where}) is unavailable; try again shortly`, { where }, options);
  }
}
